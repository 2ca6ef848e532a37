using System.Globalization;

namespace Daarion.Ledger.Bench;

/// <summary>The command line: how many wallets, how long each run, and the load's shape.</summary>
public sealed record BenchOptions(int Wallets, int Seconds, int Connections, int Threads, int BaselineClients, int Group, IReadOnlySet<string> Runs)
{
    /// <summary>
    /// What can run: the HTTP API under wrk, the in-process LedgerService, ledger_commit alone under pgbench, the
    /// pgbench baselines.
    /// </summary>
    public static readonly IReadOnlySet<string> AllRuns = new HashSet<string>(["http", "service", "commit", "baseline"], StringComparer.Ordinal);

    public const string Usage =
        "usage: Daarion.Ledger.Bench [--wallets N] [--seconds S] [--connections C] [--threads T] [--baseline-clients B] [--group G] [--runs http,service,commit,baseline]\n" +
        "  defaults: 10000 wallets, 20 s per run, wrk with 2 threads and 128 connections, pgbench with 16 clients, 32 transfers per ledger_commit call, all runs";

    /// <exception cref="FormatException">An unknown option or a value that is not a positive integer.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var runs = AllRuns;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = new HashSet<string>(args[++i].Split(','), StringComparer.Ordinal);
                if (runs.Count == 0 || !runs.IsSubsetOf(AllRuns)) throw new FormatException($"--runs takes some of {string.Join(',', AllRuns)}, not '{args[i]}'.");
                continue;
            }
            if (args[i] is not ("--wallets" or "--seconds" or "--connections" or "--threads" or "--baseline-clients" or "--group") || i + 1 >= args.Length)
            {
                throw new FormatException($"Unknown option or missing value: '{args[i]}'.");
            }
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new FormatException($"{args[i]} must be a positive integer, not '{args[i + 1]}'.");
            }
            values[args[i]] = value;
            i++;
        }
        return new BenchOptions(
            values.GetValueOrDefault("--wallets", 10_000),
            values.GetValueOrDefault("--seconds", 20),
            values.GetValueOrDefault("--connections", 128),
            values.GetValueOrDefault("--threads", 2),
            values.GetValueOrDefault("--baseline-clients", 16),
            values.GetValueOrDefault("--group", 32),
            runs);
    }
}
