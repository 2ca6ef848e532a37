namespace Daarion.Adapters.Nats.JetStream;

/// <summary>The server ended a pull with an error status (409 Consumer Deleted, 409 Exceeded MaxWaiting, 400 Bad Request…).</summary>
public sealed class JetStreamPullException(int statusCode, string? description)
    : NatsException($"The pull ended with {statusCode} {description}".TrimEnd())
{
    public int StatusCode { get; } = statusCode;

    public string? Description { get; } = description;
}
