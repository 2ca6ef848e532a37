namespace Daarion.Events.Relay;

/// <summary>What became of one event in a relay round.</summary>
internal enum PublishOutcome
{
    /// <summary>Held back: an earlier event of its stream failed this round, so sending it could overtake that one.</summary>
    NotSent,

    /// <summary>Stored by the stream.</summary>
    Stored,

    /// <summary>Acknowledged as a duplicate: the stream already had it (an earlier round's ack was lost).</summary>
    Duplicate,

    /// <summary>Refused or unanswered; it stays in the outbox for the next round.</summary>
    Failed,

    /// <summary>Can never be published (no stream captures its subject, or it is too large): moved to event_dead_letters.</summary>
    DeadLetter,
}
