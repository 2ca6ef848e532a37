using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>Signs a prepared transaction and hands it to the node: locally, or by the node itself.</summary>
public interface IEvmSigner
{
    /// <summary>The account that signs, and pays for gas.</summary>
    EthereumAddress Address { get; }

    /// <summary>Signs and submits; returns once the node has accepted the transaction into its pool.</summary>
    Task<TransactionHash> SubmitAsync(UnsignedTransaction transaction, CancellationToken ct);
}
