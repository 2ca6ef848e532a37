namespace Daarion.Events.Replay;

public enum ReplayRefusal
{
    /// <summary>No handler of that name is registered in this host.</summary>
    UnknownHandler,

    /// <summary>The request does not hold together (a start time missing, a subject outside the stream…).</summary>
    InvalidRequest,

    /// <summary>NATS is not reachable or the catalog not provisioned yet.</summary>
    Unavailable,
}
