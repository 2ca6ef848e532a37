namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A posted hold and the transaction that moved the money.</summary>
public sealed record HoldPosting(HoldView Hold, TransactionView Transaction);
