using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Events.Replay;

/// <summary>
/// What to feed a handler again (seed 42 §13): from where in its stream (<see cref="DeliverPolicy.All"/>,
/// <see cref="DeliverPolicy.Last"/>, <see cref="DeliverPolicy.ByStartTime"/> with <see cref="StartTime"/>,
/// <see cref="DeliverPolicy.ByStartSequence"/> with <see cref="StartSequence"/>) and at what pace
/// (<see cref="ReplayPolicy.Instant"/>, or <see cref="ReplayPolicy.Original"/>: the original gaps between events).
/// </summary>
public sealed record ReplayRequest(string Handler, DeliverPolicy Deliver, ReplayPolicy Pace)
{
    public DateTimeOffset? StartTime { get; init; }

    public ulong? StartSequence { get; init; }

    /// <summary>Only the events on this subject (within the handler's stream); null: all of the stream.</summary>
    public string? FilterSubject { get; init; }
}
