namespace Daarion.Adapters.Nats.Protocol;

// A command that writes itself straight into the outbound buffer, so a publish's payload is copied once.
internal interface IOutboundCommand
{
    int Length { get; }

    void WriteTo(Span<byte> destination);
}
