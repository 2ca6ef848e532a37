using System.Globalization;

namespace Daarion.Oracle.Bench;

/// <summary>The command line: the fleet (sites), the batch size, how many senders, how long, and whether devices sign (HMAC).</summary>
public sealed record BenchOptions(int Sites, int Batch, int Connections, int Seconds, int Warmup, bool Signed)
{
    public const string Usage =
        "usage: Daarion.Oracle.Bench [--sites N] [--batch R] [--connections C] [--seconds S] [--warmup W] [--signed]\n" +
        "  defaults: 1000 sites, 10000 readings per request, 4 concurrent senders, 20 s measured after 15 s of warm-up (the JIT settles), unsigned;\n" +
        "  --signed: every site requires signatures and every reading carries an HMAC-SHA256 device signature";

    /// <exception cref="FormatException">An unknown option, a value that is not a positive integer, or a fleet the senders cannot share.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var signed = args.Contains("--signed");
        args = [.. args.Where(a => a != "--signed")];
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--sites" or "--batch" or "--connections" or "--seconds" or "--warmup") || i + 1 >= args.Length)
            {
                throw new FormatException($"Unknown option or missing value: '{args[i]}'.");
            }
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new FormatException($"{args[i]} must be a positive integer, not '{args[i + 1]}'.");
            }
            values[args[i]] = value;
        }
        var options = new BenchOptions(
            values.GetValueOrDefault("--sites", 1000),
            values.GetValueOrDefault("--batch", 10_000),
            values.GetValueOrDefault("--connections", 4),
            values.GetValueOrDefault("--seconds", 20),
            values.GetValueOrDefault("--warmup", 15),
            signed);
        if (options.Sites < options.Connections) throw new FormatException("--sites must be at least --connections: each sender owns its own sites.");
        if (options.Batch < options.Sites / options.Connections) throw new FormatException("--batch must give each of a sender's sites at least one reading.");
        return options;
    }

    /// <summary>Sites each sender owns (its batches cover only them, so each site's readings arrive in order).</summary>
    public int SitesPerSender => Sites / Connections;

    public int ReadingsPerSite => Batch / SitesPerSender;
}
