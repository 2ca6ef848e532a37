using Daarion.Silo.Metrics;

namespace Daarion.Silo.Bench;

/// <summary>The figures of one silo's write run and its correctness check.</summary>
public sealed record WriteRunResult(
    LoadResult Measured,
    LoadResult Warmup,
    GrainTypeSnapshot Grain,
    long Commits,
    long CommittedWrites,
    int EventsPerWrite,
    long StoredSum,
    long OutboxEvents)
{
    public double WritesPerSecond => Measured.WritesPerSecond;

    /// <summary>Warm-up writes count too: they land in the same database.</summary>
    public long SuccessfulWrites => Warmup.Writes + Measured.Writes;

    /// <summary>Every acknowledged Add(1) is in the sum exactly once, and carried its events; nothing else is.</summary>
    public bool Verified => StoredSum == SuccessfulWrites && OutboxEvents == SuccessfulWrites * EventsPerWrite;

    public void Print(string label)
    {
        Console.WriteLine(
            $"{label}: {WritesPerSecond:N0} writes/s ({Measured.Writes:N0} in {Measured.Elapsed.TotalSeconds:N1} s, {Measured.Errors:N0} errors), " +
            $"{Commits:N0} commits, {CommittedWrites / (double)Math.Max(1, Commits):N1} writes/commit");
        Console.WriteLine(
            $"  latency: p50={Measured.P50Seconds * 1e3:N2} ms p99={Measured.P99Seconds * 1e3:N2} ms (callers, measured phase); " +
            $"silo metrics p50={Grain.LatencyP50 * 1e3:N2} ms p99={Grain.LatencyP99 * 1e3:N2} ms (since start: warm-up and activations included)");
        Console.WriteLine(
            $"  check: sum of stored counters={StoredSum:N0}, successful writes={SuccessfulWrites:N0} (warm-up {Warmup.Writes:N0}), " +
            $"outbox events={OutboxEvents:N0} (expected {SuccessfulWrites * EventsPerWrite:N0}) -> {(Verified ? "OK" : "MISMATCH")}");
        if ((Measured.FirstError ?? Warmup.FirstError) is { } error)
        {
            Console.WriteLine($"  {Warmup.Errors + Measured.Errors:N0} failed writes; first: {error.GetType().Name}: {error.Message}");
        }
    }
}
