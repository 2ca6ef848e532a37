namespace Daarion.Grains.Ledger;

/// <summary>A posting whose wallets were found, with their asset and its scale.</summary>
internal sealed record ScaledPosting(Guid FromWalletId, Guid ToWalletId, decimal Amount, string Asset, int Scale);
