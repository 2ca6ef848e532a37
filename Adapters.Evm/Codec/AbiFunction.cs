namespace Daarion.Adapters.Evm.Codec;

/// <summary>A contract function: calldata is its selector followed by the ABI-encoded arguments.</summary>
public sealed class AbiFunction
{
    private AbiFunction(AbiSignature signature, IReadOnlyList<AbiType> outputs)
    {
        Signature = signature;
        Outputs = outputs;
    }

    public AbiSignature Signature { get; }

    public IReadOnlyList<AbiType> Outputs { get; }

    /// <summary>
    /// A function from its signature and return types, e.g. <c>Parse("balanceOf(address)", "uint256")</c>.
    /// </summary>
    public static AbiFunction Parse(string signature, params string[] outputs) =>
        new(AbiSignature.Parse(signature), outputs.Select(AbiType.Parse).ToArray());

    /// <summary>The calldata of a call with <paramref name="arguments"/>.</summary>
    public byte[] EncodeCall(params object[] arguments) =>
        [.. Signature.Selector, .. AbiCodec.Encode(Signature.Parameters, arguments)];

    /// <summary>Decodes what the function returned.</summary>
    public object[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiCodec.Decode(Outputs, returnData);

    public override string ToString() => Signature.Text;
}
