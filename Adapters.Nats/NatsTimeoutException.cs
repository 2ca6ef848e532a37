namespace Daarion.Adapters.Nats;

/// <summary>A reply (a request's answer, a JetStream ack, a PONG) did not arrive in time.</summary>
public sealed class NatsTimeoutException(string message) : NatsException(message);
