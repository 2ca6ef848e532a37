using System.Numerics;
using System.Text;
using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto;

namespace Daarion.Adapters.Evm.Tests.Codec;

// Vectors from the RLP page of ethereum.org's developer docs.
public sealed class RlpTests
{
    [Theory]
    [InlineData("dog", "0x83646f67")]
    [InlineData("", "0x80")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipisicing elit",
        "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")]
    public void EncodeBytes_OfText_MatchesTheSpecVectors(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(Rlp.EncodeBytes(Encoding.ASCII.GetBytes(text))));

    [Theory]
    [InlineData("0x00", "0x00")]
    [InlineData("0x0f", "0x0f")]
    [InlineData("0x7f", "0x7f")]
    [InlineData("0x80", "0x8180")]
    public void EncodeBytes_OfASingleByte_IsItselfOnlyBelow0x80(string input, string expected) =>
        Assert.Equal(expected, Hex.Encode(Rlp.EncodeBytes(Convert.FromHexString(input[2..]))));

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(1024, "0x820400")]
    public void EncodeInteger_UsesMinimalBigEndianBytes(long value, string expected) =>
        Assert.Equal(expected, Hex.Encode(Rlp.EncodeInteger(value)));

    [Fact]
    public void EncodeInteger_OfANegativeNumber_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rlp.EncodeInteger(BigInteger.MinusOne));

    [Fact]
    public void EncodeList_MatchesTheSpecVectors()
    {
        var cat = Rlp.EncodeBytes("cat"u8);
        var dog = Rlp.EncodeBytes("dog"u8);
        var empty = Rlp.EncodeList();

        Assert.Equal("0xc88363617483646f67", Hex.Encode(Rlp.EncodeList(cat, dog)));
        Assert.Equal("0xc0", Hex.Encode(empty));
        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
        var one = Rlp.EncodeList(empty);
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(Rlp.EncodeList(empty, one, Rlp.EncodeList(empty, one))));
    }

    [Fact]
    public void EncodeList_LongerThan55Bytes_PutsTheLengthOfTheLengthInThePrefix()
    {
        var item = Rlp.EncodeBytes(new byte[60]);

        var encoded = Rlp.EncodeList(item);

        Assert.Equal([0xF8, 62, 0xB8, 60], encoded[..4]);
        Assert.Equal(2 + 62, encoded.Length);
    }
}
