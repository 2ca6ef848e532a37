namespace Daarion.Silo.Metrics;

/// <summary>A counter with one cache line per processor, so hot-path increments do not contend across cores.</summary>
internal sealed class StripedCounter
{
    private const int Padding = 8; // longs per 64-byte cache line
    private readonly long[] _cells = new long[Stripes * Padding];

    internal static int Stripes { get; } = Math.Max(1, Environment.ProcessorCount);

    public void Increment() => Interlocked.Increment(ref _cells[StripeIndex() * Padding]);

    public void Add(long value) => Interlocked.Add(ref _cells[StripeIndex() * Padding], value);

    public long Sum()
    {
        long sum = 0;
        for (var i = 0; i < _cells.Length; i += Padding) sum += Volatile.Read(ref _cells[i]);
        return sum;
    }

    internal static int StripeIndex() => (int)((uint)Thread.GetCurrentProcessorId() % (uint)Stripes);
}
