namespace Daarion.Adapters.Evm;

/// <summary>The node serves another chain than Evm:ChainId names; nothing was signed or sent.</summary>
public sealed class EvmChainMismatchException(ulong configured, ulong reported)
    : EvmException($"Evm:ChainId is {configured} but the node serves chain {reported}; nothing was sent.")
{
    public ulong Configured { get; } = configured;

    public ulong Reported { get; } = reported;
}
