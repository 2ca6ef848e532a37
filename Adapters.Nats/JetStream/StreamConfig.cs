namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// A stream's configuration (the nats-server 2.9 subset). Unset (null) values take the server's defaults; the
/// server's answer carries the full, effective configuration.
/// </summary>
public sealed record StreamConfig
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Subjects { get; init; }

    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Limits;

    public StorageType Storage { get; init; } = StorageType.File;

    /// <summary>Copies of each message in a cluster (1–5); more than 1 fails on a standalone server.</summary>
    public int? NumReplicas { get; init; }

    public int? MaxConsumers { get; init; }

    public long? MaxMsgs { get; init; }

    public long? MaxBytes { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public long? MaxMsgsPerSubject { get; init; }

    public int? MaxMsgSize { get; init; }

    public DiscardPolicy? Discard { get; init; }

    /// <summary>How long a Nats-Msg-Id is remembered for de-duplication (server default: 2 minutes).</summary>
    public TimeSpan? DuplicateWindow { get; init; }

    public bool? AllowDirect { get; init; }

    public bool? AllowRollupHdrs { get; init; }

    public bool? DenyDelete { get; init; }

    public bool? DenyPurge { get; init; }
}
