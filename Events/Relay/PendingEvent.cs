namespace Daarion.Events.Relay;

/// <summary>An event the outbox holds and the relay is to publish: its id (the Nats-Msg-Id), subject and envelope bytes.</summary>
internal readonly record struct PendingEvent(string EventId, string Subject, ReadOnlyMemory<byte> Envelope);
