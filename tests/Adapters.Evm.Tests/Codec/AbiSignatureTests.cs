using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto;

namespace Daarion.Adapters.Evm.Tests.Codec;

public sealed class AbiSignatureTests
{
    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("Error(string)", "0x08c379a0")]
    [InlineData("Panic(uint256)", "0x4e487b71")]
    [InlineData("baz(uint32,bool)", "0xcdcd77c0")]
    public void Selector_IsTheFirstFourBytesOfTheKeccakOfTheSignature(string signature, string selector) =>
        Assert.Equal(selector, Hex.Encode(AbiSignature.Parse(signature).Selector));

    [Fact]
    public void Parse_WritesTheCanonicalTextThatIsHashed()
    {
        var signature = AbiSignature.Parse("transfer(address, uint)");

        Assert.Equal("transfer(address,uint256)", signature.Text);
        Assert.Equal("0xa9059cbb", Hex.Encode(signature.Selector));
    }

    [Fact]
    public void Parse_OfAFunctionWithoutParameters_HasNone() => Assert.Empty(AbiSignature.Parse("decimals()").Parameters);

    [Theory]
    [InlineData("transfer")]
    [InlineData("(address)")]
    [InlineData("1transfer(address)")]
    [InlineData("trans fer(address)")]
    [InlineData("transfer(address")]
    public void Parse_RefusesMalformedSignatures(string signature) => Assert.Throws<FormatException>(() => AbiSignature.Parse(signature));
}
