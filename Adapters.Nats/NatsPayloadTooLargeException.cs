namespace Daarion.Adapters.Nats;

/// <summary>
/// The message (headers and payload) exceeds the server's max_payload. It is refused before anything is sent, because the
/// server would otherwise close the connection and take every message behind it along.
/// </summary>
public sealed class NatsPayloadTooLargeException(long size, long maxPayload)
    : NatsException($"The message is {size} bytes, more than the server's max_payload of {maxPayload}.")
{
    public long Size { get; } = size;

    public long MaxPayload { get; } = maxPayload;
}
