using System.Numerics;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>
/// The outcome of a mined transaction. <see cref="Succeeded"/> false means it reverted: it was mined and paid for
/// gas, but changed no state and emitted no logs.
/// </summary>
public sealed record TransactionReceipt(
    TransactionHash TransactionHash,
    ulong BlockNumber,
    string BlockHash,
    bool Succeeded,
    EthereumAddress From,
    EthereumAddress? To,
    EthereumAddress? ContractAddress,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<EventLog> Logs);
