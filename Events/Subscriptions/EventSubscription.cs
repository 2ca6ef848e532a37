namespace Daarion.Events.Subscriptions;

/// <summary>
/// A named handler bound to a durable consumer group of a stream. Each group has one handler in a host; several hosts
/// running the same handler share the group's messages (competing consumers).
/// </summary>
/// <param name="Handler">The handler's name, used for its inbox and by replays (e.g. "usage-counter").</param>
/// <param name="Stream">A stream of the catalog (STREAM_…).</param>
/// <param name="Group">The durable consumer (a group of §10, or another name, provisioned at start).</param>
/// <param name="HandlerType">The <see cref="IEventHandler"/> implementation, resolved from the services.</param>
public sealed record EventSubscription(string Handler, string Stream, string Group, Type HandlerType)
{
    /// <summary>The event types the handler wants; others are acknowledged without calling it. Null: all.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>The inbox's consumer key for this subscription's normal delivery.</summary>
    public string InboxConsumer => $"{Stream}/{Group}";

    public bool Wants(string type) => Types is null || Types.Contains(type, StringComparer.Ordinal);
}
