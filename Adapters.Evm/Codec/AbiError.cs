using System.Diagnostics.CodeAnalysis;

namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// A revert reason: Solidity's <c>Error(string)</c> and <c>Panic(uint256)</c>, or a contract's custom error.
/// Revert data is the error's selector followed by its ABI-encoded arguments.
/// </summary>
public sealed class AbiError
{
    private AbiError(AbiSignature signature) => Signature = signature;

    /// <summary><c>require(cond, "reason")</c> and <c>revert("reason")</c>.</summary>
    public static AbiError Error { get; } = Parse("Error(string)");

    /// <summary>Compiler-inserted checks: overflow, division by zero, out-of-bounds index (the code says which).</summary>
    public static AbiError Panic { get; } = Parse("Panic(uint256)");

    public AbiSignature Signature { get; }

    public static AbiError Parse(string signature) => new(AbiSignature.Parse(signature));

    /// <summary>True when <paramref name="revertData"/> is this error; its arguments are decoded.</summary>
    public bool TryDecode(ReadOnlySpan<byte> revertData, [NotNullWhen(true)] out object[]? arguments)
    {
        arguments = null;
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(Signature.Selector))
            return false;
        arguments = AbiCodec.Decode(Signature.Parameters, revertData[4..]);
        return true;
    }

    public override string ToString() => Signature.Text;
}
