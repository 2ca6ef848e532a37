namespace Daarion.Silo.Metrics;

/// <summary>Live counters of one grain type.</summary>
internal sealed class GrainTypeMetrics(string grainType)
{
    private int _activations;

    public string GrainType { get; } = grainType;
    public StripedCounter Errors { get; } = new();
    public LatencyHistogram Latency { get; } = new();
    public int Activations => Volatile.Read(ref _activations);

    /// <summary>Completed calls: every call is recorded in the latency histogram exactly once.</summary>
    public long Calls => Latency.Count;

    public void RecordCall(long elapsedTicks, bool failed)
    {
        if (failed) Errors.Increment();
        Latency.Record(elapsedTicks);
    }

    public void ActivationStarted() => Interlocked.Increment(ref _activations);

    public void ActivationStopped() => Interlocked.Decrement(ref _activations);
}
