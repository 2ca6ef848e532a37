namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A stream's effective configuration and state.</summary>
public sealed record StreamInfo
{
    public required StreamConfig Config { get; init; }

    public DateTimeOffset Created { get; init; }

    public required StreamState State { get; init; }

    public ClusterInfo? Cluster { get; init; }
}
