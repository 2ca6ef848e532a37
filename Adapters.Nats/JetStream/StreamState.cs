namespace Daarion.Adapters.Nats.JetStream;

/// <summary>What a stream holds now.</summary>
public sealed record StreamState
{
    public ulong Messages { get; init; }

    public ulong Bytes { get; init; }

    public ulong FirstSeq { get; init; }

    public DateTimeOffset? FirstTs { get; init; }

    public ulong LastSeq { get; init; }

    public DateTimeOffset? LastTs { get; init; }

    public ulong NumDeleted { get; init; }

    public int ConsumerCount { get; init; }
}
