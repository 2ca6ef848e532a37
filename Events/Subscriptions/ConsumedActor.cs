namespace Daarion.Events.Subscriptions;

/// <summary>Who caused an event: kind is user, agent, service or embassy (seed 42 §6).</summary>
public sealed record ConsumedActor(string Id, string Kind);
