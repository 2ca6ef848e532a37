using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Events.Subscriptions;

/// <summary>A fetched message, its event (or why it could not be read), and how it was settled.</summary>
internal sealed class Delivery(JetStreamMessage message, ConsumedEvent? consumedEvent, string? problem)
{
    public JetStreamMessage Message { get; } = message;

    public ConsumedEvent? Event { get; } = consumedEvent;

    /// <summary>Why the message is not an event of §6; such a message goes to the dead letters unhandled.</summary>
    public string? Problem { get; } = problem;

    /// <summary>Moved to event_dead_letters: terminated rather than acknowledged, so JetStream never redelivers it.</summary>
    public bool DeadLettered { get; set; }

    public string EventId => Event?.EventId ?? Message.Headers?["Nats-Msg-Id"] ?? $"{Message.Metadata.Stream}#{Message.Metadata.StreamSequence}";
}
