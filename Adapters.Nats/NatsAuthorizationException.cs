namespace Daarion.Adapters.Nats;

/// <summary>The server refused the credentials ('Authorization Violation'). The message never contains them.</summary>
public sealed class NatsAuthorizationException(string message) : NatsConnectionException(message);
