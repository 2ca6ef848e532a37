namespace Daarion.Adapters.Nats;

/// <summary>The server sent something this client cannot parse; the connection is dropped and re-established.</summary>
public sealed class NatsProtocolException(string message) : NatsException(message);
