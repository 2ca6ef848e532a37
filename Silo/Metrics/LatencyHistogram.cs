using System.Diagnostics;
using System.Numerics;

namespace Daarion.Silo.Metrics;

/// <summary>
/// Log-linear latency histogram in nanoseconds: four buckets per power of two (at most 19% relative error),
/// striped per processor. Recording is a shift and an interlocked add.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 2;
    private const int SubBuckets = 1 << SubBucketBits;
    internal const int BucketCount = 40 * SubBuckets; // up to 2^40 ns, about 18 minutes

    private readonly long[][] _stripes;
    private readonly StripedCounter _count = new();
    private readonly StripedCounter _sumNanoseconds = new();

    public LatencyHistogram()
    {
        _stripes = new long[StripedCounter.Stripes][];
        for (var i = 0; i < _stripes.Length; i++) _stripes[i] = new long[BucketCount + 1];
    }

    public void Record(long stopwatchTicks)
    {
        var nanoseconds = (ulong)Math.Max(0, (long)(stopwatchTicks * (1e9 / Stopwatch.Frequency)));
        Interlocked.Increment(ref _stripes[StripedCounter.StripeIndex()][BucketIndex(nanoseconds)]);
        _count.Increment();
        _sumNanoseconds.Add((long)nanoseconds);
    }

    public long Count => _count.Sum();

    public double SumSeconds => _sumNanoseconds.Sum() / 1e9;

    /// <summary>Counts per bucket, merged across stripes.</summary>
    public long[] Merge()
    {
        var merged = new long[BucketCount + 1];
        foreach (var stripe in _stripes)
        {
            for (var i = 0; i < merged.Length; i++) merged[i] += Volatile.Read(ref stripe[i]);
        }
        return merged;
    }

    /// <summary>The upper bound (in seconds) of the bucket holding the given quantile; 0 when empty.</summary>
    public static double Quantile(long[] buckets, double quantile)
    {
        var total = buckets.Sum();
        if (total == 0) return 0;
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank) return UpperBoundSeconds(i);
        }
        return UpperBoundSeconds(buckets.Length - 1);
    }

    internal static int BucketIndex(ulong nanoseconds)
    {
        if (nanoseconds < SubBuckets) return (int)nanoseconds;
        var exponent = BitOperations.Log2(nanoseconds);
        var sub = (int)(nanoseconds >> (exponent - SubBucketBits)) & (SubBuckets - 1);
        return Math.Min(BucketCount, ((exponent - SubBucketBits + 1) * SubBuckets) + sub);
    }

    /// <summary>The exclusive upper bound of bucket <paramref name="index"/>, in seconds.</summary>
    internal static double UpperBoundSeconds(int index)
    {
        if (index < SubBuckets) return (index + 1) / 1e9;
        var exponent = (index / SubBuckets) + SubBucketBits - 1;
        var sub = index % SubBuckets;
        return (double)((ulong)(SubBuckets + sub + 1) << (exponent - SubBucketBits)) / 1e9;
    }
}
