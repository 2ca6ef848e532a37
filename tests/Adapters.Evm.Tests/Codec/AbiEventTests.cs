using System.Numerics;
using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Codec;

public sealed class AbiEventTests
{
    private static readonly AbiEvent Transfer = new(
        "Transfer",
        new AbiEventParameter("from", AbiType.Address, Indexed: true),
        new AbiEventParameter("to", AbiType.Address, Indexed: true),
        new AbiEventParameter("value", AbiType.UInt256, Indexed: false));

    private static readonly EthereumAddress From = EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly EthereumAddress To = EthereumAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    [Fact]
    public void Topic_IsTheKeccakOfTheSignature() =>
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.Encode(Transfer.Topic));

    [Fact]
    public void Decode_ReadsIndexedParametersFromTopicsAndTheRestFromData()
    {
        byte[][] topics = [Transfer.Topic.ToArray(), AbiCodec.Encode([AbiType.Address], [From]), AbiCodec.Encode([AbiType.Address], [To])];
        var data = AbiCodec.Encode([AbiType.UInt256], [BigInteger.Parse("1500000000000000000", System.Globalization.CultureInfo.InvariantCulture)]);

        var values = Transfer.Decode(topics, data);

        Assert.Equal(From, values["from"]);
        Assert.Equal(To, values["to"]);
        Assert.Equal(BigInteger.Parse("1500000000000000000", System.Globalization.CultureInfo.InvariantCulture), values["value"]);
    }

    [Fact]
    public void Decode_OfAnIndexedString_GivesItsHashTopic()
    {
        var named = new AbiEvent("Named", new AbiEventParameter("name", AbiType.String, Indexed: true));
        var hash = Keccak256.Hash("dave"u8);

        var values = named.Decode([named.Topic.ToArray(), hash], []);

        Assert.Equal(hash, (byte[])values["name"]);
    }

    [Fact]
    public void Matches_RefusesOtherEventsAndWrongTopicCounts()
    {
        var approval = AbiSignature.Parse("Approval(address,address,uint256)").Hash.ToArray();
        var word = new byte[32];

        Assert.True(Transfer.Matches([Transfer.Topic.ToArray(), word, word]));
        Assert.False(Transfer.Matches([approval, word, word]));
        Assert.False(Transfer.Matches([Transfer.Topic.ToArray(), word]));
        Assert.False(Transfer.Matches([]));
        Assert.Throws<AbiDecodingException>(() => Transfer.Decode([approval, word, word], new byte[32]));
    }

    [Fact]
    public void AnEvent_HasAtMostThreeIndexedParameters()
    {
        var indexed = new AbiEventParameter("x", AbiType.UInt256, Indexed: true);

        Assert.Throws<ArgumentException>(() => new AbiEvent("Four", indexed, indexed, indexed, indexed));
    }
}
