namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A consumer's effective configuration and progress.</summary>
public sealed record ConsumerInfo
{
    public string StreamName { get; init; } = "";

    public string Name { get; init; } = "";

    public DateTimeOffset Created { get; init; }

    public required ConsumerConfig Config { get; init; }

    /// <summary>The last message delivered.</summary>
    public required SequenceInfo Delivered { get; init; }

    /// <summary>Everything up to here is acknowledged.</summary>
    public required SequenceInfo AckFloor { get; init; }

    public long NumAckPending { get; init; }

    public long NumRedelivered { get; init; }

    public long NumWaiting { get; init; }

    /// <summary>Messages in the stream not yet delivered to this consumer.</summary>
    public ulong NumPending { get; init; }

    public ClusterInfo? Cluster { get; init; }
}
