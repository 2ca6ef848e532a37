namespace Daarion.Silo;

/// <summary>
/// A call would wait on a request that is itself waiting on this call (a cycle through non-reentrant grains).
/// Raised at once instead of hanging until the response timeout.
/// </summary>
public sealed class DeadlockException(IReadOnlyList<GrainId> cycle)
    : Exception($"Call cycle between non-reentrant grains: {string.Join(" -> ", cycle)}.")
{
    /// <summary>The grains of the cycle, from the first waiting grain back to it.</summary>
    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
