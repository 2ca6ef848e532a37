using System.Numerics;
using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Codec;

public sealed class AbiCodecTests
{
    private static readonly EthereumAddress Recipient = EthereumAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    [Fact]
    public void EncodeCall_MatchesTheSolidityDocsExample()
    {
        // docs.soliditylang.org, "Contract ABI Specification", Examples: baz(69, true).
        var call = AbiFunction.Parse("baz(uint32,bool)").EncodeCall(69, true);

        Assert.Equal(
            "0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(call));
    }

    [Fact]
    public void Encode_PutsDynamicValuesInTheTailBehindAnOffset()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var encoded = AbiCodec.Encode([AbiType.Bytes32, AbiType.String, AbiType.Bool], [key, "dave", true]);

        Assert.Equal(
            "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000",
            Hex.Encode(encoded));
    }

    [Fact]
    public void Decode_ReadsBackWhatEncodeWrote()
    {
        AbiType[] types = [AbiType.Address, AbiType.UInt256, AbiType.Bytes, AbiType.String, AbiType.Bool, AbiType.UInt(8), AbiType.FixedBytes(4)];
        var amount = BigInteger.Pow(2, 255) + 7;
        object[] values = [Recipient, amount, new byte[] { 1, 2, 3 }, "Сонце ☀️", false, (byte)18, new byte[] { 0xde, 0xad, 0xbe, 0xef }];

        var decoded = AbiCodec.Decode(types, AbiCodec.Encode(types, values));

        Assert.Equal(Recipient, decoded[0]);
        Assert.Equal(amount, decoded[1]);
        Assert.Equal([1, 2, 3], (byte[])decoded[2]);
        Assert.Equal("Сонце ☀️", decoded[3]);
        Assert.Equal(false, decoded[4]);
        Assert.Equal(new BigInteger(18), decoded[5]);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], (byte[])decoded[6]);
    }

    [Fact]
    public void Encode_OfEmptyBytes_IsJustALengthWordOfZero()
    {
        var encoded = AbiCodec.Encode([AbiType.Bytes], [Array.Empty<byte>()]);

        Assert.Equal(64, encoded.Length);
        Assert.Equal(32, encoded[31]);
        Assert.All(encoded[32..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Encode_RefusesValuesTheTypeCannotHold()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiCodec.Encode([AbiType.UInt(8)], [256]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiCodec.Encode([AbiType.UInt256], [BigInteger.MinusOne]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiCodec.Encode([AbiType.UInt256], [BigInteger.Pow(2, 256)]));
        Assert.Throws<ArgumentException>(() => AbiCodec.Encode([AbiType.Bytes32], [new byte[31]]));
        Assert.Throws<ArgumentException>(() => AbiCodec.Encode([AbiType.Address], ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]));
        Assert.Throws<ArgumentException>(() => AbiCodec.Encode([AbiType.Bool, AbiType.Bool], [true]));
    }

    [Theory]
    [InlineData("address", "0000000000000000000000010000000000000000000000000000000000000001")]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002")]
    [InlineData("uint8", "0000000000000000000000000000000000000000000000000000000000000100")]
    [InlineData("bytes4", "deadbeef00000000000000000000000000000000000000000000000000000001")]
    public void Decode_RefusesDirtyPaddingAsSolidityDoes(string type, string word) =>
        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.Parse(type)], Convert.FromHexString(word)));

    [Fact]
    public void Decode_RefusesOffsetsAndLengthsOutsideTheData()
    {
        var valid = AbiCodec.Encode([AbiType.String], ["dave"]);
        var badOffset = (byte[])valid.Clone();
        badOffset[31] = 0x60;
        var badLength = (byte[])valid.Clone();
        badLength[63] = 0x21;
        var hugeOffset = (byte[])valid.Clone();
        hugeOffset[0] = 0xff;

        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.String], badOffset));
        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.String], badLength));
        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.String], hugeOffset));
        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.String], valid[..40]));
    }

    [Fact]
    public void Decode_RefusesAStringThatIsNotUtf8()
    {
        var encoded = AbiCodec.Encode([AbiType.Bytes], [new byte[] { 0xff, 0xfe }]);

        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode([AbiType.String], encoded));
    }
}
