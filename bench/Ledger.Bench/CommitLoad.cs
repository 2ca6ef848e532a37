using Daarion.Hosting;

namespace Daarion.Ledger.Bench;

/// <summary>
/// ledger_commit alone, called as the host's group committer calls it: transfers between random wallets, --group of
/// them per call (the default, 32, is about what the host groups under the HTTP load), from as many pgbench clients as
/// the host keeps commits in flight. No HTTP, no events, no access control: the database's own share of a transfer,
/// and so the ceiling it puts on every figure above it.
/// </summary>
public static class CommitLoad
{
    /// <summary>Commits the host keeps in flight by default (Ledger:MaxConcurrentCommits).</summary>
    public const int Clients = 2;

    public sealed record Result(double TransfersPerSecond, double MillisecondsPerCall, long FailedCalls, IReadOnlyList<(string Kind, double Microseconds)> Cpu, bool Verified);

    public static async Task<Result> RunAsync(PostgresServer server, BenchOptions options)
    {
        var database = await server.CreateDatabaseAsync("ledger_commit");
        await Baselines.SeedLedgerSchemaAsync(database, options);
        var before = CpuSnapshot.Take(hostProcessId: 0);
        var pgbench = await Baselines.PgbenchAsync(database, "ledger-commit.sql", Clients, options, $"group={options.Group}");
        var after = CpuSnapshot.Take(hostProcessId: 0);
        var check = await LedgerCheck.RunAsync(database);
        // pgbench's transactions are calls of ledger_commit here, of options.Group transfers each.
        var transfers = (long)Math.Round(pgbench.TransfersPerSecond * options.Seconds) * options.Group;
        return new Result(pgbench.TransfersPerSecond * options.Group, pgbench.AverageLatencyMs, pgbench.Failed, before.PerOperation(after, transfers),
            check.Holds && pgbench.Failed == 0);
    }
}
