namespace Daarion.Grains.Payouts;

/// <summary>A payout's lifecycle as its grain ordered it; the payouts row is a copy written in the same transaction.</summary>
public sealed class PayoutState
{
    /// <summary>generated, claimed, settled or failed (empty: never written, i.e. generated).</summary>
    public string Status { get; set; } = PayoutStatus.Generated;

    /// <summary>The idempotency key of the claim that took it; only that claim may resume or replay.</summary>
    public string? ClaimKey { get; set; }

    public Guid? TransactionId { get; set; }

    public string? ChainTxHash { get; set; }

    public string? Failure { get; set; }
}
