namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// A pull consumer's configuration (the nats-server 2.9 subset). A consumer with a <see cref="DurableName"/> outlives its
/// clients; without one it is ephemeral. Unset (null) values take the server's defaults.
/// </summary>
public sealed record ConsumerConfig
{
    public string? DurableName { get; init; }

    public string? Description { get; init; }

    public DeliverPolicy DeliverPolicy { get; init; } = DeliverPolicy.All;

    public ulong? OptStartSeq { get; init; }

    public DateTimeOffset? OptStartTime { get; init; }

    public AckPolicy AckPolicy { get; init; } = AckPolicy.Explicit;

    /// <summary>How long a delivered message may stay unacknowledged before it is delivered again (server default: 30 s).</summary>
    public TimeSpan? AckWait { get; init; }

    public int? MaxDeliver { get; init; }

    /// <summary>Redelivery delays, one per attempt; <see cref="MaxDeliver"/> must exceed their count.</summary>
    public IReadOnlyList<TimeSpan>? Backoff { get; init; }

    public string? FilterSubject { get; init; }

    public ReplayPolicy ReplayPolicy { get; init; } = ReplayPolicy.Instant;

    public int? MaxWaiting { get; init; }

    public int? MaxAckPending { get; init; }

    public bool? HeadersOnly { get; init; }

    public int? MaxBatch { get; init; }

    public TimeSpan? MaxExpires { get; init; }

    public TimeSpan? InactiveThreshold { get; init; }

    public int? NumReplicas { get; init; }

    public bool? MemStorage { get; init; }
}
