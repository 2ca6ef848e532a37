namespace Daarion.Silo;

/// <summary>No response within the response timeout. The callee may still finish the call.</summary>
public sealed class GrainCallTimeoutException(GrainId grainId, string method, TimeSpan timeout)
    : TimeoutException($"Call {grainId}.{method} got no response within {timeout.TotalMilliseconds:0} ms.")
{
    public GrainId GrainId { get; } = grainId;
}
