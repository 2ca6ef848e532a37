using System.Numerics;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm;

// Endpoints are logged as scheme://host:port (EvmRpcClient.Endpoint); keys and calldata never are.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "{Method}: {Endpoint} did not answer within {Timeout}")]
    public static partial void RpcTimedOut(ILogger logger, string method, string endpoint, TimeSpan timeout);

    [LoggerMessage(2, LogLevel.Warning, "{Method}: could not reach {Endpoint}: {Reason}")]
    public static partial void RpcUnreachable(ILogger logger, string method, string endpoint, string reason);

    // Refusals are often expected (a revert during a pre-check), so the caller decides how loud they are.
    [LoggerMessage(3, LogLevel.Debug, "{Method} was refused: {Message} (JSON-RPC error {Code})")]
    public static partial void RpcError(ILogger logger, string method, long code, string message);

    [LoggerMessage(4, LogLevel.Information, "Next nonce of {Account} read from the node: {Nonce}")]
    public static partial void NonceSynchronised(ILogger logger, EthereumAddress account, ulong nonce);

    [LoggerMessage(5, LogLevel.Information, "Sent {Hash} from {From} with nonce {Nonce} to {To}")]
    public static partial void TransactionSent(ILogger logger, TransactionHash hash, EthereumAddress from, ulong nonce, EthereumAddress? to);

    [LoggerMessage(6, LogLevel.Warning, "Polling for the receipt of {Hash} failed, retrying: {Reason}")]
    public static partial void ReceiptPollFailed(ILogger logger, TransactionHash hash, string reason);

    [LoggerMessage(7, LogLevel.Information, "Payout {PayoutId}: settlement {Hash} sent, {BaseUnits} base units to {Recipient}")]
    public static partial void SettlementSubmitted(ILogger logger, string payoutId, TransactionHash hash, EthereumAddress recipient, BigInteger baseUnits);

    [LoggerMessage(8, LogLevel.Warning, "Payout {PayoutId}: the settlement contract refuses it: {Error}")]
    public static partial void SettlementRefused(ILogger logger, string payoutId, string error);

    [LoggerMessage(9, LogLevel.Information, "Settlement {Hash} mined in block {Block}; paid: {Succeeded}")]
    public static partial void SettlementMined(ILogger logger, TransactionHash hash, ulong block, bool succeeded);
}
