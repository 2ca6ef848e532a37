namespace Daarion.Grains.Interfaces.Energy;

/// <summary><c>embassy.event.received</c> (seed 42 §8.8): an authenticated webhook was stored.</summary>
public sealed record EmbassyEventReceived(string Platform, string WebhookId, WebhookRoute Route, string SiteId, DateTimeOffset SignedAt, DateTimeOffset ReceivedAt);
