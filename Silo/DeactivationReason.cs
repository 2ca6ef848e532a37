namespace Daarion.Silo;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>No calls for longer than the collection age.</summary>
    IdleCollection,
    /// <summary>The grain called <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,
    /// <summary>A state write failed (stale ETag or unknown outcome): the next activation re-reads the state.</summary>
    StateWriteFailed,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}
