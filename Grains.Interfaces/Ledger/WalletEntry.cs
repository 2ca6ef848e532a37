namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>One line of a wallet's statement: an entry of a transaction, newest first.</summary>
public sealed record WalletEntry(
    long EntryId,
    Guid TransactionId,
    string Kind,
    int Leg,
    decimal Amount,
    decimal BalanceAfter,
    DateTimeOffset CreatedAt);
