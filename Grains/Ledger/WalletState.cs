namespace Daarion.Grains.Ledger;

/// <summary>A wallet's committed balance and held amount at a version, as a commit left them.</summary>
internal readonly record struct WalletState(decimal Balance, decimal Held, long Version);
