namespace Daarion.Grains.Ledger;

/// <summary>A wallet a commit changed: who owns it, its asset and scale (for its event), and its state after the commit.</summary>
internal sealed record ChangedWallet(string OwnerId, string Asset, int Scale, WalletState State);
