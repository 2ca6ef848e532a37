namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>An asset, its scale, and the system wallet that is the counterpart of its adjustments.</summary>
public sealed record AssetView(string Code, int Scale, Guid SystemWalletId);
