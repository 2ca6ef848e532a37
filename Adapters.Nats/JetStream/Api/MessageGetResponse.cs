namespace Daarion.Adapters.Nats.JetStream.Api;

internal sealed record MessageGetResponse(MessageGetResponse.Stored Message)
{
    // Headers and data come base64-encoded.
    internal sealed record Stored(string Subject, ulong Seq, byte[]? Hdrs, byte[]? Data, DateTimeOffset Time);
}
