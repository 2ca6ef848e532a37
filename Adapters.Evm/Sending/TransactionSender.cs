using System.Numerics;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>
/// Turns a <see cref="TransactionRequest"/> into a submitted transaction: checks the node's chain id once, estimates
/// gas, prices it (EIP-1559 or legacy, capped), takes the account's next nonce and lets the signer submit.
/// Thread-safe: concurrent sends from one account are serialised by the <see cref="NonceManager"/>.
/// </summary>
public sealed class TransactionSender(EvmRpcClient rpc, IEvmSigner signer, NonceManager nonces, EvmOptions options, ILogger<TransactionSender> logger)
{
    // EIP-1559 wallets offer twice the current base fee: it covers six full blocks of +12.5% increases.
    private const int BaseFeeHeadroom = 2;

    private volatile bool _chainChecked;

    /// <summary>The account that signs and pays.</summary>
    public EthereumAddress From => signer.Address;

    /// <summary>
    /// Sends and returns once the node accepted the transaction. A call that would revert throws
    /// <see cref="EvmRevertException"/> (unless <see cref="TransactionRequest.GasLimit"/> skips the estimate).
    /// </summary>
    public async Task<SentTransaction> SendAsync(TransactionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CheckChainAsync(ct).ConfigureAwait(false);
        var gasLimit = request.GasLimit ?? await EstimateGasAsync(request, ct).ConfigureAwait(false);
        var fees = await PriceAsync(ct).ConfigureAwait(false);
        return await nonces.SendWithNextNonceAsync(From, async (nonce, token) =>
        {
            var transaction = new UnsignedTransaction
            {
                ChainId = options.ChainId,
                Nonce = nonce,
                GasLimit = gasLimit,
                Fees = fees,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
            };
            var hash = await signer.SubmitAsync(transaction, token).ConfigureAwait(false);
            Log.TransactionSent(logger, hash, From, nonce, request.To);
            return new SentTransaction(hash, From, nonce);
        }, ct).ConfigureAwait(false);
    }

    private async Task<ulong> EstimateGasAsync(TransactionRequest request, CancellationToken ct)
    {
        var estimate = await rpc.EstimateGasAsync(new CallRequest { From = From, To = request.To, Data = request.Data, Value = request.Value }, ct)
            .ConfigureAwait(false);
        return estimate + (estimate * (ulong)options.GasLimitMarginPercent / 100);
    }

    // The fee cap bounds what a spike can cost: an EIP-1559 offer is trimmed to it while the current base fee and
    // tip still fit under it (the transaction is includable now), and refused once they do not.
    private async Task<TransactionFees> PriceAsync(CancellationToken ct)
    {
        var cap = options.MaxFeePerGasWei;
        if (options.TransactionType == EvmTransactionType.Legacy)
        {
            var gasPrice = await rpc.GetGasPriceAsync(ct).ConfigureAwait(false);
            return gasPrice <= cap ? new LegacyFees(gasPrice) : throw new EvmFeeTooHighException(gasPrice, cap);
        }
        var baseFee = await rpc.GetBaseFeePerGasAsync(ct).ConfigureAwait(false)
            ?? throw new EvmException("The chain's blocks have no base fee (no EIP-1559); set Evm:TransactionType to Legacy.");
        var tip = await rpc.GetMaxPriorityFeePerGasAsync(ct).ConfigureAwait(false);
        if (baseFee + tip > cap)
            throw new EvmFeeTooHighException(baseFee + tip, cap);
        return new Eip1559Fees(BigInteger.Min((BaseFeeHeadroom * baseFee) + tip, cap), tip);
    }

    // Once per sender: a wrong Evm:ChainId would sign transactions the node refuses (or, worse, another chain accepts).
    private async Task CheckChainAsync(CancellationToken ct)
    {
        if (_chainChecked)
            return;
        var reported = await rpc.GetChainIdAsync(ct).ConfigureAwait(false);
        if (reported != options.ChainId)
            throw new EvmChainMismatchException(options.ChainId, reported);
        _chainChecked = true;
    }
}
