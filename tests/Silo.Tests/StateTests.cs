using Daarion.Silo.Storage;
using Daarion.Silo.Tests.TestGrains;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Silo.Tests;

public sealed class StateTests
{
    [Fact]
    public async Task State_IsReadOnActivation_AfterTheSiloRestarts()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using (var first = await TestSilo.StartAsync(database))
        {
            var grain = first.Grains.GetGrain<IPersistentGrain>("p1");
            await grain.Add(5, [], []);
            Assert.Equal(2, await grain.Add(7, [], []));
        }

        await using var second = await TestSilo.StartAsync(database);
        var again = second.Grains.GetGrain<IPersistentGrain>("p1");
        Assert.Equal(12, await again.GetValue());
        Assert.Equal(2, await again.GetVersion());
    }

    [Fact]
    public async Task StateRow_HasPrimaryKeyAndTimestamptzColumns()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT string_agg(a.attname, ',' ORDER BY a.attnum)
                    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                    WHERE i.indrelid = 'grain_state'::regclass AND i.indisprimary),
                   (SELECT string_agg(data_type, ',' ORDER BY column_name) FROM information_schema.columns
                    WHERE table_name = 'grain_state' AND column_name IN ('created_at', 'modified_at'))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal("grain_type,grain_key", reader.GetString(0));
        Assert.Equal("timestamp with time zone,timestamp with time zone", reader.GetString(1));
    }

    [Fact]
    public async Task StaleVersion_FailsTheWrite_DropsTheActivation_AndTheNextCallRereads()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);
        var grain = silo.Grains.GetGrain<IPersistentGrain>("contested");
        await grain.Add(1, [], []);
        var firstActivation = await grain.GetActivationId();

        // Another writer (say, a second silo that briefly held the same key) moves the stored state on.
        await Execute(database, """UPDATE grain_state SET payload = '{"value": 100, "amount": "1"}', version = version + 1 WHERE grain_key = 'contested'""");

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add(1, [], []));
        Assert.Equal(1, error.ExpectedVersion);

        Assert.Equal(100, await grain.GetValue());
        Assert.NotEqual(firstActivation, await grain.GetActivationId());
        Assert.Equal(3, await grain.Add(1, [], []));
        Assert.Equal(101, await Scalar<int>(database, "SELECT (payload->>'value')::int FROM grain_state WHERE grain_key = 'contested'"));
    }

    [Fact]
    public async Task TwoFirstWrites_OfOneKey_CannotBothInsert()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var siloA = await TestSilo.StartAsync(database);
        await using var siloB = await TestSilo.StartAsync(database);
        // Both activations read "no state yet" before either writes.
        await siloA.Grains.GetGrain<IPersistentGrain>("twin").GetValue();
        await siloB.Grains.GetGrain<IPersistentGrain>("twin").GetValue();

        var writes = await Task.WhenAll(
            Capture(siloA.Grains.GetGrain<IPersistentGrain>("twin").Add(1, [], [])),
            Capture(siloB.Grains.GetGrain<IPersistentGrain>("twin").Add(1, [], [])));

        Assert.Single(writes, e => e is null);
        Assert.Single(writes, e => e is InconsistentStateException);
        Assert.Equal(1L, await Scalar<long>(database, "SELECT count(*) FROM grain_state WHERE grain_key = 'twin'"));
    }

    [Fact]
    public async Task ClearedState_ReadsAsEmpty_AndKeepsCountingVersions()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);
        var grain = silo.Grains.GetGrain<IPersistentGrain>("cleared");
        await grain.Add(9, [], []);

        await grain.Clear();

        Assert.Equal(0, await grain.GetValue());
        Assert.Equal(2, await grain.GetVersion());
        Assert.Equal(3, await grain.Add(1, [], []));
    }

    [Fact]
    public async Task GroupCommit_CommitsConcurrentWritesTogether_AndEveryWriteLands()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => silo.Grains.GetGrain<IPersistentGrain>($"g{i % 100}").Add(1, [], [])));

        Assert.Equal(400L, await Scalar<long>(database, "SELECT sum((payload->>'value')::int) FROM grain_state"));
        Assert.Equal(400, silo.Metrics.Storage.Writes);
        Assert.True(silo.Metrics.Storage.Commits < 400, $"{silo.Metrics.Storage.Commits} commits for 400 writes: nothing was grouped");
    }

    [Fact]
    public async Task GroupCommit_WhenOneWriteIsRefused_OnlyThatWriteFails()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database, o => o.Storage.MaxConcurrentCommits = 1);
        SqlStatement[] bad = [new SqlStatement("SELECT 1 / 0")];

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Capture(silo.Grains.GetGrain<IPersistentGrain>($"w{i}").Add(1, [], i == 25 ? bad : []))));

        Assert.IsType<PostgresException>(results[25]);
        Assert.Equal(49, results.Count(r => r is null));
        Assert.Equal(49L, await Scalar<long>(database, "SELECT count(*) FROM grain_state"));
        Assert.Equal(0L, await Scalar<long>(database, "SELECT count(*) FROM grain_state WHERE grain_key = 'w25'"));
    }

    [Fact]
    public async Task WithoutGroupCommit_EachWriteIsItsOwnCommit()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database, o => o.Storage.GroupCommit = false);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => silo.Grains.GetGrain<IPersistentGrain>($"s{i}").Add(1, [], [])));

        Assert.Equal(40, silo.Metrics.Storage.Commits);
        Assert.Equal(40L, await Scalar<long>(database, "SELECT count(*) FROM grain_state"));
    }

    internal static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    internal static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> Scalar<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
