namespace Daarion.Adapters.Evm.Codec;

/// <summary>Bytes that do not decode as the expected ABI types: short, out of bounds, or with dirty padding.</summary>
public sealed class AbiDecodingException(string message) : EvmException(message);
