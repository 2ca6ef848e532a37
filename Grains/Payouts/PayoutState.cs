namespace Daarion.Grains.Payouts;

/// <summary>A payout's lifecycle as its grain ordered it; the payouts row is a copy written in the same transaction.</summary>
public sealed class PayoutState
{
    /// <summary>generated, claimed, settled or failed (empty: never written, i.e. generated).</summary>
    public string Status { get; set; } = PayoutStatus.Generated;

    /// <summary>The idempotency key of the claim that took it; only that claim may resume or replay.</summary>
    public string? ClaimKey { get; set; }

    /// <summary>Chain mode: the address the claim asked to be paid at.</summary>
    public string? Address { get; set; }

    /// <summary>The ledger transaction that credited the payout (the staker's wallet, or the chain bridge wallet).</summary>
    public Guid? TransactionId { get; set; }

    public string? ChainTxHash { get; set; }

    /// <summary>Why the chain did not pay; while the status is still claimed, the ledger credit is being reversed.</summary>
    public string? Failure { get; set; }
}
