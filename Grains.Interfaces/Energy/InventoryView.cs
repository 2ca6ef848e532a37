namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A row of the RWA inventory: a site's stock of its domain (energy: payable kWh so far; food: kg; water: l).</summary>
public sealed record InventoryView(string InventoryId, string SiteId, RwaDomain Domain, string Unit, decimal Value, DateTimeOffset UpdatedAt);
