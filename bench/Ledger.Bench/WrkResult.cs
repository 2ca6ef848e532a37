using System.Globalization;
using System.Text.RegularExpressions;

namespace Daarion.Ledger.Bench;

/// <summary>What wrk reported: completed requests, their rate, latency percentiles and failures.</summary>
public sealed partial record WrkResult(long Requests, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Non2xx, long SocketErrors)
{
    public long Succeeded => Requests - Non2xx;

    public double SucceededPerSecond => RequestsPerSecond * Succeeded / Math.Max(1, Requests);

    public static WrkResult Parse(string output) => new(
        long.Parse(Match(RequestsLine(), output), CultureInfo.InvariantCulture),
        double.Parse(Match(RateLine(), output), CultureInfo.InvariantCulture),
        Milliseconds(Percentile(output, "50")),
        Milliseconds(Percentile(output, "90")),
        Milliseconds(Percentile(output, "99")),
        NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
        SocketErrorLine().Match(output) is { Success: true } s ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);

    private static string Percentile(string output, string percent) =>
        Regex.Match(output, $@"^\s+{percent}%\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value
        : throw new FormatException($"wrk printed no {percent}% latency (was --latency given?):\n{output}");

    private static double Milliseconds(string value)
    {
        var unit = UnitSuffix().Match(value);
        var number = double.Parse(unit.Groups[1].Value, CultureInfo.InvariantCulture);
        return unit.Groups[2].Value switch { "us" => number / 1000, "ms" => number, "s" => number * 1000, var u => throw new FormatException($"unknown wrk unit '{u}'") };
    }

    private static string Match(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? m.Groups[1].Value : throw new FormatException($"Unexpected wrk output:\n{output}");

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorLine();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s)$")]
    private static partial Regex UnitSuffix();
}
