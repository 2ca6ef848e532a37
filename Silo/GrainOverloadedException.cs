namespace Daarion.Silo;

/// <summary>The activation's request queue is full. Callers should back off; the API answers 503 with Retry-After.</summary>
public sealed class GrainOverloadedException(GrainId grainId, int queueLength)
    : Exception($"Grain {grainId} is overloaded: {queueLength} requests are already queued.")
{
    public GrainId GrainId { get; } = grainId;

    /// <summary>A suggested wait before retrying.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
