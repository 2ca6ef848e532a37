namespace Daarion.Events.Replay;

/// <summary>A replay that cannot start; the message says why, for the caller.</summary>
public sealed class ReplayRefusedException(ReplayRefusal reason, string message) : Exception(message)
{
    public ReplayRefusal Reason { get; } = reason;
}
