using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats;

/// <summary>What the server said about itself in its latest INFO.</summary>
public sealed record NatsServerInfo
{
    public string ServerId { get; init; } = "";

    public string? ServerName { get; init; }

    public string Version { get; init; } = "";

    public int Proto { get; init; }

    public bool Headers { get; init; }

    public long MaxPayload { get; init; }

    public bool AuthRequired { get; init; }

    public bool TlsRequired { get; init; }

    [JsonPropertyName("jetstream")]
    public bool JetStream { get; init; }

    public ulong ClientId { get; init; }

    public string? Cluster { get; init; }

    /// <summary>Other servers of the cluster a client may connect to (host:port); added to the reconnect list.</summary>
    public IReadOnlyList<string>? ConnectUrls { get; init; }

    /// <summary>Lame duck mode: the server is about to shut down and wants clients to move elsewhere.</summary>
    [JsonPropertyName("ldm")]
    public bool LameDuckMode { get; init; }
}
