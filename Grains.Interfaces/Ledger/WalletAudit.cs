namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// A wallet's projection (balance, held) next to what the journal and the pending holds say it must be; they match
/// when both pairs are equal and the last entry's balance_after equals the balance.
/// </summary>
public sealed record WalletAudit(
    Guid WalletId,
    string Asset,
    decimal ProjectedBalance,
    decimal JournalBalance,
    decimal? LastBalanceAfter,
    decimal ProjectedHeld,
    decimal PendingHolds,
    long Entries,
    long Version,
    bool Matches);
