namespace Daarion.Silo.Metrics;

/// <summary>A grain type's metrics at one moment. Latencies are in seconds, from send to response.</summary>
public sealed record GrainTypeSnapshot(
    string GrainType,
    int Activations,
    long Calls,
    double CallsPerSecond,
    long Errors,
    long QueueDepth,
    double LatencyP50,
    double LatencyP99);
