using System.Globalization;

namespace Daarion.Events.Bench;

/// <summary>The command line.</summary>
public sealed record BenchArgs(bool Drain, bool Lag, bool Rows, int Events, int Batch, int Rate, double Seconds, double Warmup)
{
    public const string Usage =
        "usage: Daarion.Events.Bench [drain|lag|all] [--rows] [--events N] [--batch N] [--rate N] [--seconds S] [--warmup S]\n" +
        "  drain    relay throughput: a backlog of --events N (default 300000) committed at once, drained by the host's relay\n" +
        "  lag      commit-to-consume latency: commits of --batch events (default 100) at --rate events/s (default 10000)\n" +
        "           for --seconds (default 10) after --warmup (default 3) untimed seconds, consumed from JetStream by a durable\n" +
        "           pull consumer\n" +
        "  all      (default) both\n" +
        "  --rows   one outbox_events row per event (seed 42 §7's table, for writers with plain SQL) instead of one\n" +
        "           outbox_batches row per commit (what grain storage and the ledger write)";

    /// <summary>The options, or null after printing what is wrong and the usage.</summary>
    public static BenchArgs? ParseOrExplain(string[] args)
    {
        try
        {
            return Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message + Environment.NewLine + Usage);
            return null;
        }
    }

    /// <exception cref="FormatException">An unknown mode or option, or a bad value.</exception>
    private static BenchArgs Parse(string[] args)
    {
        var rest = args.AsSpan();
        var mode = "all";
        if (rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            mode = rest[0] is "drain" or "lag" or "all" ? rest[0] : throw new FormatException($"Unknown mode '{rest[0]}'.");
            rest = rest[1..];
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--rows":
                    rows = true;
                    break;
                case "--events" or "--batch" or "--rate" or "--seconds" or "--warmup" when i + 1 < rest.Length:
                    values[rest[i]] = rest[++i];
                    break;
                default:
                    throw new FormatException($"Unknown option or missing value: '{rest[i]}'.");
            }
        }
        return new BenchArgs(mode != "lag", mode != "drain", rows, Int("--events", 300_000), Int("--batch", 100), Int("--rate", 10_000), Seconds("--seconds", 10), Seconds("--warmup", 3));

        int Int(string name, int fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value
            : throw new FormatException($"{name} must be a positive integer, not '{text}'.");

        double Seconds(string name, double fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new FormatException($"{name} must be a positive number, not '{text}'.");
    }
}
