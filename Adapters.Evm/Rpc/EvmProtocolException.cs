namespace Daarion.Adapters.Evm.Rpc;

/// <summary>The node's answer is not the JSON-RPC this client expects (not JSON, wrong id, a malformed value).</summary>
public sealed class EvmProtocolException(string message) : EvmException(message);
