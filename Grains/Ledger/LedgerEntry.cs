namespace Daarion.Grains.Ledger;

/// <summary>A signed posting an operation writes to the journal (negative debits the wallet).</summary>
internal readonly record struct LedgerEntry(Guid WalletId, string Asset, decimal Amount);
