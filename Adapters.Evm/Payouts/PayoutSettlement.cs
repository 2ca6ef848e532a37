using System.Numerics;
using System.Text;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Sending;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>The PayoutSettlement contract driven over JSON-RPC; see <see cref="IPayoutSettlement"/>.</summary>
public sealed class PayoutSettlement(
    EthereumAddress contract, TransactionSender sender, ReceiptWaiter waiter, EvmRpcClient rpc, ILogger<PayoutSettlement> logger) : IPayoutSettlement
{
    // The token's decimals never change after deployment; read once (-1 until then).
    private int _decimals = -1;

    public EthereumAddress Contract => contract;

    public EthereumAddress Settler => sender.From;

    /// <summary>The contract's bytes32 key for a ledger payout id: Keccak-256 of its UTF-8 bytes.</summary>
    public static byte[] KeyOf(string payoutId)
    {
        ArgumentException.ThrowIfNullOrEmpty(payoutId);
        return Keccak256.Hash(Encoding.UTF8.GetBytes(payoutId));
    }

    /// <summary>Deploys a new PayoutSettlement contract from the embedded artifact and returns its address once mined.</summary>
    public static async Task<EthereumAddress> DeployAsync(
        TransactionSender sender, ReceiptWaiter waiter, PayoutSettlementDeployment deployment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(waiter);
        ArgumentNullException.ThrowIfNull(deployment);
        var arguments = AbiCodec.Encode(
            PayoutSettlementContract.ConstructorParameters,
            [deployment.Name, deployment.Symbol, deployment.Decimals, deployment.Admin, deployment.Settler]);
        var sent = await sender.SendAsync(new TransactionRequest { Data = (byte[])[.. PayoutSettlementContract.Artifact.Bytecode, .. arguments] }, ct)
            .ConfigureAwait(false);
        var receipt = await waiter.WaitAsync(sent.Hash, ct).ConfigureAwait(false);
        if (!receipt.Succeeded || receipt.ContractAddress is null)
            throw new EvmException($"Deploying {PayoutSettlementContract.Artifact.ContractName} failed in {sent.Hash}.");
        return receipt.ContractAddress;
    }

    public async Task<SentTransaction> SubmitAsync(PayoutClaim claim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var baseUnits = TokenAmount.ToBaseUnits(claim.Amount, await GetDecimalsAsync(ct).ConfigureAwait(false));
        var data = PayoutSettlementContract.Settle.EncodeCall(KeyOf(claim.PayoutId), claim.Recipient, baseUnits);
        try
        {
            var sent = await sender.SendAsync(new TransactionRequest { To = contract, Data = data }, ct).ConfigureAwait(false);
            Log.SettlementSubmitted(logger, claim.PayoutId, sent.Hash, claim.Recipient, baseUnits);
            return sent;
        }
        catch (EvmRevertException revert)
        {
            var refusal = Refusal(claim.PayoutId, revert);
            Log.SettlementRefused(logger, claim.PayoutId, refusal.Error);
            throw refusal;
        }
    }

    public async Task<PayoutSettlementResult> WaitAsync(TransactionHash hash, CancellationToken ct = default)
    {
        var receipt = await waiter.WaitAsync(hash, ct).ConfigureAwait(false);
        // Only logs of this contract count: any contract can emit a look-alike event.
        var settled = receipt.Logs
            .Where(log => log.Address == contract && PayoutSettlementContract.PayoutSettled.Matches(log.Topics))
            .Select(log => PayoutSettlementContract.PayoutSettled.Decode(log.Topics, log.Data))
            .Select(values => new PayoutSettledEvent((byte[])values["payoutId"], (EthereumAddress)values["to"], (BigInteger)values["amount"]))
            .FirstOrDefault();
        var result = new PayoutSettlementResult(receipt, settled);
        Log.SettlementMined(logger, hash, receipt.BlockNumber, result.Succeeded);
        return result;
    }

    public async Task<bool> IsSettledAsync(string payoutId, CancellationToken ct = default) =>
        (bool)(await CallAsync(PayoutSettlementContract.Settled, [KeyOf(payoutId)], ct).ConfigureAwait(false))[0];

    public async Task<decimal> BalanceOfAsync(EthereumAddress account, CancellationToken ct = default)
    {
        var baseUnits = (BigInteger)(await CallAsync(PayoutSettlementContract.BalanceOf, [account], ct).ConfigureAwait(false))[0];
        return TokenAmount.FromBaseUnits(baseUnits, await GetDecimalsAsync(ct).ConfigureAwait(false));
    }

    private async Task<int> GetDecimalsAsync(CancellationToken ct)
    {
        var decimals = Volatile.Read(ref _decimals);
        if (decimals < 0)
        {
            decimals = (int)(BigInteger)(await CallAsync(PayoutSettlementContract.Decimals, [], ct).ConfigureAwait(false))[0];
            Volatile.Write(ref _decimals, decimals);
        }
        return decimals;
    }

    private async Task<object[]> CallAsync(AbiFunction function, object[] arguments, CancellationToken ct) =>
        function.DecodeOutput(await rpc.CallAsync(new CallRequest { To = contract, Data = function.EncodeCall(arguments) }, ct).ConfigureAwait(false));

    private static PayoutRefusedException Refusal(string payoutId, EvmRevertException revert)
    {
        if (revert.Is(PayoutSettlementContract.PayoutAlreadySettled, out _))
            return new PayoutAlreadySettledException(payoutId, revert);
        var known = PayoutSettlementContract.SettlementErrors.FirstOrDefault(error => revert.Is(error, out _));
        return new PayoutRefusedException(payoutId, known?.Signature.Text ?? revert.Reason ?? "unknown revert", revert);
    }
}
