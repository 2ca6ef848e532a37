using System.Numerics;

namespace Daarion.Adapters.Evm;

/// <summary>The fee the network asks exceeds Evm:MaxFeePerGasGwei; nothing was sent. Retry later or raise the cap.</summary>
public sealed class EvmFeeTooHighException(BigInteger feePerGasWei, BigInteger capWei)
    : EvmException($"The fee per gas would be {feePerGasWei} wei, above Evm:MaxFeePerGasGwei ({capWei} wei); nothing was sent.")
{
    public BigInteger FeePerGasWei { get; } = feePerGasWei;

    public BigInteger CapWei { get; } = capWei;
}
