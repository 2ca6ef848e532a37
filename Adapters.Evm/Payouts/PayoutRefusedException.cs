using Daarion.Adapters.Evm.Rpc;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>
/// The contract refuses the settlement (the pre-send estimate reverted), so nothing was sent. Sending again will not
/// help; <see cref="Error"/> names the contract's error, e.g. ZeroAmount or AccessControlUnauthorizedAccount.
/// </summary>
public class PayoutRefusedException(string payoutId, string error, EvmRevertException revert)
    : EvmException($"The settlement contract refuses payout '{payoutId}': {error}.", revert)
{
    public string PayoutId { get; } = payoutId;

    /// <summary>The contract error's signature, the revert reason, or "unknown revert".</summary>
    public string Error { get; } = error;
}
