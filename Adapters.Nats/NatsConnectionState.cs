namespace Daarion.Adapters.Nats;

/// <summary>Where a <see cref="NatsConnection"/> stands.</summary>
public enum NatsConnectionState
{
    Connecting,
    Connected,
    /// <summary>Lost its server; publishes are buffered (up to the reconnect buffer) while it tries the others.</summary>
    Reconnecting,
    /// <summary>Disposed, or gave up reconnecting; every operation fails.</summary>
    Closed,
}
