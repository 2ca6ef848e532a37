namespace Daarion.Grains.Payouts;

/// <summary>Where a chain settlement stands after one attempt to move it forward.</summary>
internal enum ChainStep
{
    /// <summary>Not final yet (node unreachable, not mined or not confirmed): try again later, nothing is lost.</summary>
    Pending,

    /// <summary>The contract paid the payout.</summary>
    Paid,

    /// <summary>The contract will not pay it (refused, or the transaction reverted and the payout is unpaid on chain).</summary>
    Refused,
}
