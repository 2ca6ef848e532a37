using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>
/// Lets the node sign with an account it holds unlocked (eth_sendTransaction), as anvil does for its dev accounts
/// and signer proxies do for keys kept in an HSM. Every field, the nonce included, is still chosen here.
/// </summary>
public sealed class NodeSigner(EthereumAddress account, EvmRpcClient rpc) : IEvmSigner
{
    public EthereumAddress Address => account;

    public Task<TransactionHash> SubmitAsync(UnsignedTransaction transaction, CancellationToken ct) =>
        rpc.SendTransactionAsync(account, transaction, ct);

    public override string ToString() => $"NodeSigner({Address})";
}
