namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// A pull asked for idle heartbeats and neither a message nor a heartbeat came for two of their intervals: the server or
/// the path to it is gone. Fetch again (the connection reconnects on its own).
/// </summary>
public sealed class JetStreamNoHeartbeatException(TimeSpan idleHeartbeat)
    : NatsException($"No message or heartbeat from the consumer for {2 * idleHeartbeat.TotalMilliseconds:0} ms.")
{
    public TimeSpan IdleHeartbeat { get; } = idleHeartbeat;
}
