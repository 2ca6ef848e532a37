using System.Diagnostics;

namespace Daarion.Silo.Bench;

/// <summary>
/// What the callers of one load phase saw: successful writes with their latencies (exact percentiles, since the
/// silo's histogram counts from start and so includes the warm-up), failed ones, and the first failure.
/// </summary>
public sealed record LoadResult(long Writes, long Errors, TimeSpan Elapsed, double P50Seconds, double P99Seconds, Exception? FirstError)
{
    public double WritesPerSecond => Writes / Elapsed.TotalSeconds;

    public static LoadResult From(IEnumerable<List<long>> latencies, long errors, TimeSpan elapsed, Exception? firstError)
    {
        var sorted = latencies.SelectMany(l => l).ToArray();
        Array.Sort(sorted);
        return new LoadResult(sorted.Length, errors, elapsed, Quantile(sorted, 0.50), Quantile(sorted, 0.99), firstError);
    }

    private static double Quantile(long[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)] / (double)Stopwatch.Frequency;
}
