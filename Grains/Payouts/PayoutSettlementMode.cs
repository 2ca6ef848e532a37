namespace Daarion.Grains.Payouts;

/// <summary>Where a claimed payout's KWT goes.</summary>
public enum PayoutSettlementMode
{
    /// <summary>Credited to the staker's KWT wallet in the ledger.</summary>
    Ledger,

    /// <summary>Minted to the claimant's address by the PayoutSettlement contract; the ledger books it to the chain bridge wallet.</summary>
    Chain,
}
