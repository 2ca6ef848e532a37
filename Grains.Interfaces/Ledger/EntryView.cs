namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A signed posting of a transaction (negative debits the wallet) and the wallet's balance once it applied.</summary>
public sealed record EntryView(int Leg, Guid WalletId, string Asset, decimal Amount, decimal BalanceAfter);
