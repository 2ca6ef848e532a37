namespace Daarion.Events.Catalog;

/// <summary>
/// One JetStream stream of the catalog (seed 42 §4, §8): its subjects, the event types published on them, how long
/// messages are kept (§9) and the durable consumer groups reading it (§10).
/// </summary>
public sealed record EventStreamDefinition
{
    /// <summary>STREAM_&lt;DOMAIN&gt; (§4).</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Subject patterns the stream captures; every event type below matches one.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>The event types of §8 on this stream; each has a JSON Schema in docs/events/schemas.</summary>
    public required IReadOnlyList<string> EventTypes { get; init; }

    /// <summary>Default retention (max_age); <see cref="TimeSpan.Zero"/> keeps messages forever.</summary>
    public required TimeSpan MaxAge { get; init; }

    /// <summary>Durable consumer groups provisioned with the stream (§10).</summary>
    public IReadOnlyList<string> ConsumerGroups { get; init; } = [];

    public bool Captures(string subject) => Subjects.Any(pattern => SubjectPattern.Matches(pattern, subject));
}
