namespace Daarion.Adapters.Nats;

/// <summary>
/// A request reached no subscriber (the server's 503 status): nobody serves the subject, or, for a JetStream publish,
/// no stream listens on it.
/// </summary>
public sealed class NatsNoRespondersException(string subject)
    : NatsException($"No responders are available for '{subject}'.")
{
    public string Subject { get; } = subject;
}
