using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>Rows of the RWA inventory.</summary>
public sealed record InventoryPage(IReadOnlyList<InventoryView> Items);
