using Daarion.Adapters.Evm.Sending;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>
/// Settles claimed payouts on chain through the PayoutSettlement contract. The intended use by the payout's grain:
/// <see cref="SubmitAsync"/>, store the returned hash with the claim, then <see cref="WaitAsync"/> (again after a
/// restart, with the stored hash, instead of submitting anew). The contract refuses a payout id twice, so even a
/// duplicated submission cannot pay twice.
/// </summary>
public interface IPayoutSettlement
{
    /// <summary>The PayoutSettlement contract.</summary>
    EthereumAddress Contract { get; }

    /// <summary>The account that signs settlements (it needs the contract's SETTLER_ROLE and ether for gas).</summary>
    EthereumAddress Settler { get; }

    /// <summary>
    /// Sends settle(key, recipient, amount) and returns once the node accepted it. Throws
    /// <see cref="PayoutAlreadySettledException"/> or <see cref="PayoutRefusedException"/> when the contract refuses
    /// (nothing sent), <see cref="ArgumentException"/> when the amount is finer than the token's decimals, and the
    /// transport's <see cref="EvmException"/>s when the node cannot be used (retry later).
    /// </summary>
    Task<SentTransaction> SubmitAsync(PayoutClaim claim, CancellationToken ct = default);

    /// <summary>
    /// Waits for the settlement's receipt (Evm:Confirmations, Evm:ReceiptTimeout) and reads its PayoutSettled event.
    /// Throws <see cref="EvmReceiptTimeoutException"/> while it is not mined; keep the hash and wait again.
    /// </summary>
    Task<PayoutSettlementResult> WaitAsync(TransactionHash hash, CancellationToken ct = default);

    /// <summary>Whether the contract has settled <paramref name="payoutId"/> (reconciliation after a lost hash).</summary>
    Task<bool> IsSettledAsync(string payoutId, CancellationToken ct = default);

    /// <summary>The token balance of <paramref name="account"/>, in ledger units.</summary>
    Task<decimal> BalanceOfAsync(EthereumAddress account, CancellationToken ct = default);
}
