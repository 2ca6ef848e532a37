namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// The reasons the ledger refuses a request. A refusal decided by the ledger's state (which wallets exist, their
/// kind, funds, holds) is saved with the idempotency key; one decided from the request alone is not.
/// </summary>
public enum LedgerErrorCode
{
    /// <summary>The request is invalid: from its body alone (bad amount, too many postings; not saved), or for the wallet it names (saved).</summary>
    InvalidRequest,
    UnknownWallet,
    UnknownAsset,
    AssetMismatch,
    InvalidAmount,
    InsufficientFunds,
    WalletExists,
    OwnerHasWallet,
    AssetExists,
    HoldNotFound,
    HoldNotPending,
    HoldExpired,
    HoldAmountExceeded,

    /// <summary>No payout has this id, or it belongs to someone else.</summary>
    PayoutNotFound,

    /// <summary>The payout was claimed already (by another request) or its settlement failed: it pays at most once.</summary>
    PayoutNotClaimable,

    /// <summary>The key was used before with a different request; not saved.</summary>
    IdempotencyConflict,

    /// <summary>The database is unreachable; nothing was written; not saved.</summary>
    Unavailable,

    /// <summary>The commit's outcome is unknown (connection lost mid-commit); retry with the same key; not saved.</summary>
    OutcomeUnknown,
}
