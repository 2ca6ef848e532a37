using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

using Daarion.Testing;

namespace Daarion.Hosting.Tests;

public sealed class PostgresServerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private PostgresServerOptions Options => new() { DataDirectory = Path.Combine(_temp.Path, "pg") };

    private string PidFile => Path.Combine(Options.DataDirectory, "postmaster.pid");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StartAsync_InFreshTempDirectory_InitializesClusterAndAnswersQueries()
    {
        await using var server = await PostgresServer.StartAsync(Options);

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_user, current_database(), current_setting('fsync'), current_setting('listen_addresses')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(["daarion", "daarion", "on", "127.0.0.1"], [reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)]);
        Assert.Equal(Path.Combine(_temp.Path, "pg"), server.DataDirectory);
    }

    [Fact]
    public async Task StartAsync_StartsPostmasterItselfAsOurChild_NotAsRootNorBehindAWrapper()
    {
        await using var server = await PostgresServer.StartAsync(Options);

        var pid = int.Parse(File.ReadLines(PidFile).First(), CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        Assert.Equal("postgres", File.ReadAllText($"/proc/{pid}/comm").Trim());
        Assert.Equal($"PPid:\t{Environment.ProcessId}", status.Single(line => line.StartsWith("PPid:", StringComparison.Ordinal)));
        Assert.DoesNotMatch(@"^Uid:\s+0\s", status.Single(line => line.StartsWith("Uid:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RestartAsync_KeepsCommittedRowsAndPort()
    {
        await using var server = await PostgresServer.StartAsync(Options);
        await Sql.ExecuteAsync(server.ConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        var port = server.Port;

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        Assert.Equal(42, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task StartAsync_AfterServerWasKilled_RemovesStalePidFileAndKeepsCommittedRows()
    {
        var killed = await PostgresServer.StartAsync(Options);
        await Sql.ExecuteAsync(killed.ConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
        await killed.KillAsync();
        Assert.True(File.Exists(PidFile), "a killed postmaster leaves its pid file behind");

        await using var server = await PostgresServer.StartAsync(Options);

        Assert.Equal(7, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task StartAsync_WhenStalePidFileNamesAnUnrelatedLiveProcess_RemovesItAndStarts()
    {
        var killed = await PostgresServer.StartAsync(Options);
        await killed.KillAsync();
        // The dead postmaster's PID reused by another process of the server's user: postgres alone refuses to start.
        using var reuser = Process.Start(Environment.UserName == "root" ? "setpriv" : "sleep",
            Environment.UserName == "root" ? ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", "sleep", "60"] : ["60"]);
        try
        {
            var lines = await File.ReadAllLinesAsync(PidFile);
            lines[0] = reuser.Id.ToString(CultureInfo.InvariantCulture);
            await File.WriteAllLinesAsync(PidFile, lines);

            await using var server = await PostgresServer.StartAsync(Options);

            Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
            Assert.False(reuser.HasExited, "the unrelated process is left alone");
        }
        finally
        {
            reuser.Kill();
        }
    }

    [Fact]
    public async Task StartAsync_WhileEarlierServerStillRunsOnDirectory_StopsItAndTakesOver()
    {
        await using var earlier = await PostgresServer.StartAsync(Options);

        await using var server = await PostgresServer.StartAsync(Options);

        Assert.NotEqual(earlier.Port, server.Port);
        Assert.False(Ports.Accepts(earlier.Port));
        Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_WhenFixedPortIsTaken_ThrowsWithTheServerLogTail()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresServer.StartAsync(Options with { Port = port }));

        Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PidFile));
    }

    [Fact]
    public async Task CreateDatabaseAsync_ReturnsEmptyDatabaseIsolatedFromOthers()
    {
        await using var server = await PostgresServer.StartAsync(Options);
        var first = await server.CreateDatabaseAsync("first");
        var second = await server.CreateDatabaseAsync("second");

        await Sql.ExecuteAsync(first, "CREATE TABLE only_here (v int)");

        Assert.Contains("Database=first", first, StringComparison.Ordinal);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(server.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"));
    }

    [Fact]
    public async Task StopAsync_ClosesThePortAndIsIdempotent()
    {
        var server = await PostgresServer.StartAsync(Options);

        await server.StopAsync();
        await server.StopAsync();
        await server.DisposeAsync();

        Assert.False(Ports.Accepts(server.Port));
        Assert.False(File.Exists(PidFile), "a clean shutdown removes the pid file");
    }

    [Fact]
    public async Task WhileRunning_DirtyPagesOfItsFileSystemAreWrittenBackWithinSeconds_NotAfterTheKernels30s()
    {
        await using var server = await PostgresServer.StartAsync(Options);
        const long written = 256L << 20;
        var bound = DirtyBytes() + written / 2; // other processes' dirt, on other file systems too, counts in the same total

        // Buffered writes beside the data directory, never fsynced: left to the kernel they stay dirty for 30 s.
        await using (var file = new FileStream(Path.Combine(_temp.Path, "dirt"), FileMode.CreateNew, FileAccess.Write))
        {
            var chunk = new byte[1 << 20];
            Random.Shared.NextBytes(chunk);
            for (long n = 0; n < written; n += chunk.Length) await file.WriteAsync(chunk);
        }

        var clock = Stopwatch.StartNew();
        while (DirtyBytes() > bound && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100);
        Assert.True(DirtyBytes() <= bound, $"still {DirtyBytes() >> 20} MB dirty {clock.Elapsed.TotalSeconds:N1} s after writing {written >> 20} MB");
    }

    // Pages waiting for writeback, machine-wide (/proc/meminfo counts kB).
    private static long DirtyBytes() =>
        long.Parse(File.ReadLines("/proc/meminfo").Single(line => line.StartsWith("Dirty:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
