namespace Daarion.Adapters.Nats.JetStream;

/// <summary>Where a clustered stream or consumer lives: its leader and the other replicas.</summary>
public sealed record ClusterInfo
{
    public string? Name { get; init; }

    public string? Leader { get; init; }

    public IReadOnlyList<PeerInfo>? Replicas { get; init; }
}
