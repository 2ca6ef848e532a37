namespace Daarion.Adapters.Nats.Protocol;

// Waits for one reply on the shared inbox. Exactly one of the methods is called, once.
internal interface IReplyHandler
{
    // On the socket reader: parse what is needed and hand the result to another thread.
    void OnReply(in RawMessage message);

    void OnTimeout();

    void OnFailure(Exception error);
}
