using System.Globalization;

namespace Daarion.Silo.Bench;

/// <summary>The command line: a mode (calls by default) and its options.</summary>
public sealed record BenchArgs(
    BenchMode Mode,
    int Keys,
    int Concurrency,
    double Seconds,
    double WarmupSeconds,
    int Events,
    bool ValueTask,
    bool AsTask)
{
    public const string Usage =
        "usage: Daarion.Silo.Bench [calls|writes] [--keys N] [--concurrency N] [--seconds S] [--warmup S] [--events N] [--valuetask] [--astask]\n" +
        "  calls  (default) in-process grain calls/s; --valuetask / --astask pick the method shape; --concurrency defaults to 2000\n" +
        "  writes durable state writes/s on a private PostgreSQL, group commit on vs off; --events N outbox events per write; --concurrency defaults to 512";

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    /// <exception cref="FormatException">An unknown mode or option, or a value that is not a positive number.</exception>
    public static BenchArgs Parse(string[] args)
    {
        var rest = args.AsSpan();
        var mode = BenchMode.Calls;
        if (rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            mode = rest[0] switch
            {
                "calls" => BenchMode.Calls,
                "writes" => BenchMode.Writes,
                _ => throw new FormatException($"Unknown mode '{rest[0]}'."),
            };
            rest = rest[1..];
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--valuetask" or "--astask":
                    flags.Add(rest[i]);
                    break;
                case "--keys" or "--concurrency" or "--seconds" or "--warmup" or "--events" when i + 1 < rest.Length:
                    values[rest[i]] = rest[++i];
                    break;
                default:
                    throw new FormatException($"Unknown option or missing value: '{rest[i]}'.");
            }
        }

        return new BenchArgs(
            mode,
            Keys: Int("--keys", 10_000, min: 1),
            // Writes wait on fsync, calls do not: each mode defaults to the concurrency that saturates it here.
            Concurrency: Int("--concurrency", mode == BenchMode.Writes ? 512 : 2000, min: 1),
            Seconds: Number("--seconds", 10),
            WarmupSeconds: Number("--warmup", 2),
            Events: Int("--events", 0, min: 0),
            ValueTask: flags.Contains("--valuetask"),
            AsTask: flags.Contains("--astask"));

        int Int(string name, int fallback, int min) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min ? value
            : throw new FormatException($"{name} must be an integer >= {min}, not '{text}'.");

        double Number(string name, double fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new FormatException($"{name} must be a positive number of seconds, not '{text}'.");
    }
}
