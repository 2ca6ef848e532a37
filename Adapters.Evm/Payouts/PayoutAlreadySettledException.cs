using Daarion.Adapters.Evm.Rpc;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>The chain has settled this payout id before (the on-chain double-claim guard); nothing was sent.</summary>
public sealed class PayoutAlreadySettledException(string payoutId, EvmRevertException revert)
    : PayoutRefusedException(payoutId, PayoutSettlementContract.PayoutAlreadySettled.Signature.Text, revert);
