using Daarion.Adapters.Evm.Rpc;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>
/// A settlement transaction's outcome. <see cref="Succeeded"/> when it was mined without revert and the contract
/// logged the payout; otherwise the payout was not paid (reverse the credit).
/// </summary>
public sealed record PayoutSettlementResult(TransactionReceipt Receipt, PayoutSettledEvent? Event)
{
    public bool Succeeded => Receipt.Succeeded && Event is not null;
}
