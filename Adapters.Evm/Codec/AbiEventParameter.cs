namespace Daarion.Adapters.Evm.Codec;

/// <summary>One event parameter; indexed ones travel as log topics, the others in the log's data.</summary>
public sealed record AbiEventParameter(string Name, AbiType Type, bool Indexed);
