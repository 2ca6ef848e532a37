namespace Daarion.Adapters.Nats.JetStream.Api;

internal sealed record PubAckResponse : ApiResponse
{
    public string Stream { get; init; } = "";

    public ulong Seq { get; init; }

    public bool Duplicate { get; init; }

    public string? Domain { get; init; }
}
