using System.Numerics;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>What to send; nonce, fees and (unless given) the gas limit are filled in by <see cref="TransactionSender"/>.</summary>
public sealed record TransactionRequest
{
    /// <summary>The contract or account; null creates a contract from <see cref="Data"/>.</summary>
    public EthereumAddress? To { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; }

    /// <summary>
    /// A fixed gas limit. Null estimates it (eth_estimateGas plus the configured margin), which also refuses a call
    /// that would revert with <see cref="Rpc.EvmRevertException"/> before anything is sent.
    /// </summary>
    public ulong? GasLimit { get; init; }
}
