using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Daarion.Adapters.Evm.Codec;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>
/// The EVM reverted the call (eth_call, eth_estimateGas, or a node-signed send that simulates first).
/// <see cref="RevertData"/> holds the error the contract raised: <c>Error(string)</c>, <c>Panic(uint256)</c> or a custom error.
/// </summary>
public sealed class EvmRevertException(string method, long code, string rpcMessage, string? data, byte[] revertData)
    : EvmRpcException(method, code, rpcMessage, data)
{
    private readonly byte[] _revertData = revertData;

    /// <summary>The selector and arguments of the raised error; empty for a bare <c>revert()</c> or when the node omits it.</summary>
    public ReadOnlySpan<byte> RevertData => _revertData;

    /// <summary>The <c>Error(string)</c> text or the <c>Panic</c> code, when the revert is one of those.</summary>
    public string? Reason =>
        AbiError.Error.TryDecode(_revertData, out var message) ? (string)message[0]
        : AbiError.Panic.TryDecode(_revertData, out var code) ? $"panic {Quantity.Format((BigInteger)code[0])}"
        : null;

    /// <summary>True when the revert is <paramref name="error"/>; its arguments are decoded.</summary>
    public bool Is(AbiError error, [NotNullWhen(true)] out object[]? arguments)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.TryDecode(_revertData, out arguments);
    }
}
