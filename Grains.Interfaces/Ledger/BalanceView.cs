namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A wallet's balance right after a transaction.</summary>
public sealed record BalanceView(Guid WalletId, string Asset, decimal Balance);
