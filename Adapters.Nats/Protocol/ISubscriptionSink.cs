namespace Daarion.Adapters.Nats.Protocol;

// Something the server delivers to by sid: a user subscription or the shared reply inbox.
internal interface ISubscriptionSink
{
    long Sid { get; }

    string Subject { get; }

    string? QueueGroup { get; }

    // Messages left before an UNSUB maximum ends it (re-sent after a reconnect), or null without a maximum.
    long? Remaining { get; }

    // Called on the socket reader: must not block.
    void Deliver(in RawMessage message);

    // The connection closed for good; error is null after an orderly dispose.
    void Complete(Exception? error);
}
