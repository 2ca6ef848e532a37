namespace Daarion.Adapters.Nats;

/// <summary>
/// A publish while disconnected would exceed <see cref="NatsOptions.ReconnectBufferSize"/>; nothing of it was buffered.
/// Retry after the connection is back, or treat the message as not sent.
/// </summary>
public sealed class NatsReconnectBufferFullException(int bufferedBytes, int limit)
    : NatsException($"Disconnected, and the reconnect buffer holds {bufferedBytes} of {limit} bytes: the publish was not buffered.")
{
    public int BufferedBytes { get; } = bufferedBytes;

    public int Limit { get; } = limit;
}
