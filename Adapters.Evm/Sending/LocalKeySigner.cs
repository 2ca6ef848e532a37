using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>
/// Signs in this process with a secp256k1 key and sends with eth_sendRawTransaction: the node never sees the key.
/// Disposing wipes the key.
/// </summary>
public sealed class LocalKeySigner(EthereumKey key, EvmRpcClient rpc) : IEvmSigner, IDisposable
{
    public EthereumAddress Address => key.Address;

    public Task<TransactionHash> SubmitAsync(UnsignedTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return rpc.SendRawTransactionAsync(transaction.Sign(key), ct);
    }

    /// <summary>Names the account only.</summary>
    public override string ToString() => $"LocalKeySigner({Address})";

    public void Dispose() => key.Dispose();
}
