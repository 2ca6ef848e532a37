namespace Daarion.Grains.Ledger;

/// <summary>What never changes about a wallet: its asset (and that asset's scale), owner and kind.</summary>
internal sealed record WalletInfo(Guid WalletId, string Asset, int Scale, string OwnerId, bool IsSystem);
