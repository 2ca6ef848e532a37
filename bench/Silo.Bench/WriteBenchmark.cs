using Daarion.Hosting;
using Npgsql;

namespace Daarion.Silo.Bench;

/// <summary>
/// Durable state writes/s: a private PostgreSQL (fsync on, in a temporary directory), the same load on a silo with
/// group commit and then on one with a transaction per write, each on a fresh database, each checked for lost or
/// invented writes.
/// </summary>
public static class WriteBenchmark
{
    /// <summary>The exit code of a run stopped with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("daarion-silo-bench-");
        PostgresServer? server = null;
        try
        {
            server = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = Path.Combine(directory.FullName, "pg") }, ct: ct);
            Console.WriteLine(
                $"writes: keys={args.Keys} concurrency={args.Concurrency} events/write={args.Events} seconds={args.Seconds} " +
                $"warm-up={args.WarmupSeconds} cores={Environment.ProcessorCount} ({await DescribeAsync(server.ConnectionString)})");

            var on = await WriteRun.ExecuteAsync(await server.CreateDatabaseAsync("bench_group_commit_on", ct), groupCommit: true, args, ct);
            on.Print("group commit ON ");
            if (ct.IsCancellationRequested)
            {
                Console.WriteLine("interrupted: group commit OFF not run");
                return on.Verified ? Interrupted : 1;
            }
            var off = await WriteRun.ExecuteAsync(await server.CreateDatabaseAsync("bench_group_commit_off", ct), groupCommit: false, args, ct);
            off.Print("group commit OFF");

            Console.WriteLine($"ratio ON/OFF: {on.WritesPerSecond / Math.Max(1e-9, off.WritesPerSecond):N2}x writes/s");
            var verified = on.Verified && off.Verified;
            Console.WriteLine(verified ? "verified: in both runs the stored counters sum to the successful writes (and the outbox holds their events)" : "FAILED: stored counters differ from successful writes");
            return verified ? 0 : 1;
        }
        finally
        {
            if (server is not null) await server.StopAsync();
            directory.Delete(recursive: true);
        }
    }

    // Printed with the figures so that nobody reads a number measured without durability.
    private static async Task<string> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
