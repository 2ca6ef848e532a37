namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A position of a consumer: its own sequence and the stream's.</summary>
public sealed record SequenceInfo
{
    public ulong ConsumerSeq { get; init; }

    public ulong StreamSeq { get; init; }

    public DateTimeOffset? LastActive { get; init; }
}
