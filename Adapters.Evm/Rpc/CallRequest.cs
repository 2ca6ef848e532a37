using System.Numerics;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>A call for eth_call and eth_estimateGas: nothing is signed and nothing changes on chain.</summary>
public sealed record CallRequest
{
    /// <summary>The caller the contract sees as msg.sender (matters for access control).</summary>
    public EthereumAddress? From { get; init; }

    /// <summary>The contract; null simulates a contract creation from <see cref="Data"/>.</summary>
    public EthereumAddress? To { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; }
}
