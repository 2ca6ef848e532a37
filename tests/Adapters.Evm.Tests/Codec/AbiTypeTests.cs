using Daarion.Adapters.Evm.Codec;

namespace Daarion.Adapters.Evm.Tests.Codec;

public sealed class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("uint8", "uint8")]
    [InlineData("uint256", "uint256")]
    [InlineData("bytes1", "bytes1")]
    [InlineData("bytes32", "bytes32")]
    [InlineData("address", "address")]
    [InlineData("bool", "bool")]
    [InlineData("bytes", "bytes")]
    [InlineData("string", "string")]
    public void Parse_GivesTheCanonicalName(string name, string canonical) => Assert.Equal(canonical, AbiType.Parse(name).Name);

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("uint08")]
    [InlineData("bytes0")]
    [InlineData("bytes33")]
    [InlineData("int256")]
    [InlineData("address[]")]
    [InlineData("(uint256,bool)")]
    [InlineData("")]
    public void Parse_RefusesWhatThisClientDoesNotEncode(string name) => Assert.Throws<FormatException>(() => AbiType.Parse(name));

    [Fact]
    public void OnlyBytesAndString_AreDynamic()
    {
        Assert.True(AbiType.Bytes.IsDynamic);
        Assert.True(AbiType.String.IsDynamic);
        Assert.False(AbiType.Bytes32.IsDynamic);
        Assert.False(AbiType.UInt256.IsDynamic);
        Assert.False(AbiType.Address.IsDynamic);
    }
}
