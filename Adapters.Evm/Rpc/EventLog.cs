using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>One log a transaction emitted: the emitting contract, its topics (topic 0 names the event) and data.</summary>
public sealed record EventLog(EthereumAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data, ulong LogIndex);
