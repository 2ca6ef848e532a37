using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>A transaction the node accepted into its pool; store <see cref="Hash"/> before waiting for the receipt.</summary>
public sealed record SentTransaction(TransactionHash Hash, EthereumAddress From, ulong Nonce);
