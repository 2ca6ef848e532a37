using System.Diagnostics;

namespace Daarion.Access.Bench;

/// <summary>Every measured latency (Stopwatch ticks), sorted once, read as exact percentiles in microseconds.</summary>
internal sealed class Latencies(long[] ticks)
{
    private readonly long[] _sorted = Sorted(ticks);

    public double Percentile(double p) => Micros(_sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p / 100 * _sorted.Length) - 1)]);

    public double Max => Micros(_sorted[^1]);

    public string Describe() =>
        $"p50 {Percentile(50):N2} µs, p90 {Percentile(90):N2} µs, p99 {Percentile(99):N2} µs, p99.9 {Percentile(99.9):N2} µs, max {Max:N1} µs";

    private static long[] Sorted(long[] ticks)
    {
        Array.Sort(ticks);
        return ticks;
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
