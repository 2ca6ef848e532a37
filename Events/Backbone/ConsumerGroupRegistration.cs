namespace Daarion.Events.Backbone;

/// <summary>A durable consumer group to provision besides the catalog's (one a subscription reads from).</summary>
public sealed record ConsumerGroupRegistration(string Stream, string Group);
