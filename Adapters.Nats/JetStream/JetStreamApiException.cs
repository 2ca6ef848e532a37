namespace Daarion.Adapters.Nats.JetStream;

/// <summary>The JetStream API (or a stream refusing a publish) answered with an error.</summary>
public sealed class JetStreamApiException(int statusCode, JetStreamErrorCode errorCode, string description)
    : NatsException($"JetStream error {(int)errorCode} ({statusCode}): {description}")
{
    /// <summary>HTTP-like status: 400 bad request, 404 not found, 503 unavailable…</summary>
    public int StatusCode { get; } = statusCode;

    public JetStreamErrorCode ErrorCode { get; } = errorCode;

    public string Description { get; } = description;
}
