namespace Daarion.Grains.Interfaces.Energy;

/// <summary><c>rwa.inventory.updated</c> (seed 42 §8.10): a site's stock after a change, and the change.</summary>
public sealed record RwaInventoryUpdated(string InventoryId, RwaDomain Domain, string SiteId, decimal Value, decimal Delta, string Unit);
