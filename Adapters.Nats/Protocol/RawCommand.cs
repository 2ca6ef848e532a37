namespace Daarion.Adapters.Nats.Protocol;

// A command already formatted (SUB, UNSUB, PING, PONG).
internal readonly ref struct RawCommand(ReadOnlySpan<byte> bytes) : IOutboundCommand
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Length => _bytes.Length;

    public void WriteTo(Span<byte> destination) => _bytes.CopyTo(destination);
}
