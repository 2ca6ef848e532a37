using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo.Events;

namespace Daarion.Grains.Energy;

/// <summary>
/// The outbox events of a site (seed 42 §8.8–§8.10), all with the site as ordering key so they publish in commit
/// order per site, and the site's DAO as the envelope's team.
/// </summary>
internal static class EnergyEvents
{
    public static OutboxEvent ReadingPublished(SiteRecord site, EventActor actor, decimal normalizedValue, decimal delta, DateTimeOffset ts, int readings) =>
        Event(site, actor, "oracle.reading.published",
            new OracleReadingPublished(site.Domain, site.SiteId, normalizedValue, delta, ts, readings, InventoryUnits.Of(site.Domain)));

    public static OutboxEvent InventoryUpdated(SiteRecord site, EventActor actor, decimal value, decimal delta) =>
        Event(site, actor, "rwa.inventory.updated",
            new RwaInventoryUpdated(EnergyStatements.InventoryId(site.SiteId), site.Domain, site.SiteId, value, delta, InventoryUnits.Of(site.Domain)));

    /// <summary><c>embassy.{domain}.update</c>: what the platform reported.</summary>
    public static OutboxEvent EmbassyUpdate(SiteRecord site, WebhookReceipt receipt, decimal value, DateTimeOffset ts) =>
        Event(site, EventActor.Embassy(receipt.Platform), $"embassy.{EnergyNames.Of(site.Domain)}.update",
            new EmbassyUpdate(receipt.Platform, site.Domain, site.SiteId, value, InventoryUnits.Of(site.Domain), ts));

    public static OutboxEvent WebhookReceived(SiteRecord site, WebhookReceipt receipt) =>
        Event(site, EventActor.Embassy(receipt.Platform), "embassy.event.received",
            new EmbassyEventReceived(receipt.Platform, receipt.WebhookId, receipt.Route, site.SiteId, receipt.SignedAt, receipt.ReceivedAt));

    private static OutboxEvent Event(SiteRecord site, EventActor actor, string type, object payload) => new()
    {
        Type = type,
        Payload = payload,
        Actor = actor,
        OrderingKey = site.SiteId,
        Meta = EventMeta.Current(site.DaoId),
    };
}
