namespace Daarion.Adapters.Evm;

/// <summary>The transaction type sent.</summary>
public enum EvmTransactionType
{
    /// <summary>Type 2: base fee from the latest block plus a tip (eth_maxPriorityFeePerGas).</summary>
    Eip1559,

    /// <summary>Type 0 with EIP-155 and eth_gasPrice, for chains without EIP-1559.</summary>
    Legacy,
}
