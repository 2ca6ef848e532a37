namespace Daarion.Adapters.Nats.Protocol;

// What the parser found; called on the socket reader, so implementations must not block.
internal interface IProtocolHandler
{
    void OnMessage(in RawMessage message);

    void OnPing();

    void OnPong();

    void OnError(string message);

    void OnInfo(ReadOnlySpan<byte> json);
}
