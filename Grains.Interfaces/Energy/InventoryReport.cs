using Daarion.Silo.Events;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// A platform's report of a food or water site's stock (absolute, in the domain's base unit: kg or l) at
/// <see cref="Ts"/>; reports apply in timestamp order.
/// </summary>
public sealed record InventoryReport(RwaDomain Domain, decimal Value, DateTimeOffset Ts, string Source, EventActor Actor, WebhookReceipt? Receipt = null);
