using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Tests.Ethereum;

public sealed class EthereumAddressTests
{
    // The examples listed in EIP-55 (all caps, all lower, normal), each already in checksum form.
    public static TheoryData<string> Eip55Examples => new()
    {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void ToString_OfLowerCaseInput_IsTheEip55Example(string example)
    {
        var address = EthereumAddress.Parse("0x" + example[2..].ToLowerInvariant());
        Assert.Equal(example, address.ToString());
    }

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Eip55Example_IsAcceptedAndChecksumEncoded(string example)
    {
        Assert.True(EthereumAddress.TryParse(example, out _));
        Assert.True(EthereumAddress.IsChecksumEncoded(example));
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    public void TryParse_OfAllLowerOrAllUpper_IsAcceptedWithoutChecksum(string text)
    {
        Assert.True(EthereumAddress.TryParse(text, out var address));
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", address.ToString());
        Assert.False(EthereumAddress.IsChecksumEncoded(text));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // last letter's case flipped
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")] // second letter's case flipped
    public void TryParse_OfMixedCaseWithWrongChecksum_IsRefused(string text)
    {
        Assert.False(EthereumAddress.TryParse(text, out _));
        Assert.False(EthereumAddress.IsChecksumEncoded(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    [InlineData(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void TryParse_OfMalformedText_IsRefused(string? text)
    {
        Assert.False(EthereumAddress.TryParse(text, out _));
        Assert.False(EthereumAddress.IsChecksumEncoded(text));
    }

    [Fact]
    public void Parse_OfMalformedText_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x1234"));
    }

    [Fact]
    public void FromPublicKey_OfPrivateKeyOne_IsTheWellKnownAddress()
    {
        // Private key 1's public key is the generator point G; its address is a widely published constant.
        var publicKey = Secp256k1.GetPublicKey(PrivateKeyOne);
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", EthereumAddress.FromPublicKey(publicKey).ToString());
    }

    [Fact]
    public void FromPublicKey_AcceptsUncompressedRawAndCompressedForms()
    {
        using var key = EthereumKey.Generate();
        var uncompressed = key.PublicKey.ToArray();
        var raw = uncompressed[1..];
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 + (uncompressed[64] & 1));
        uncompressed.AsSpan(1, 32).CopyTo(compressed.AsSpan(1));

        Assert.Equal(key.Address, EthereumAddress.FromPublicKey(uncompressed));
        Assert.Equal(key.Address, EthereumAddress.FromPublicKey(raw));
        Assert.Equal(key.Address, EthereumAddress.FromPublicKey(compressed));
    }

    [Fact]
    public void FromPublicKey_OfPointOffTheCurve_Throws()
    {
        var offCurve = Secp256k1.GetPublicKey(PrivateKeyOne);
        offCurve[64] ^= 1;
        Assert.ThrowsAny<ArgumentException>(() => EthereumAddress.FromPublicKey(offCurve));
        Assert.ThrowsAny<ArgumentException>(() => EthereumAddress.FromPublicKey(new byte[20]));
    }

    [Fact]
    public void Equality_ComparesBytesNotSpelling()
    {
        var checksummed = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var lower = EthereumAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var other = EthereumAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

        Assert.True(checksummed == lower);
        Assert.Equal(checksummed.GetHashCode(), lower.GetHashCode());
        Assert.True(checksummed != other);
        Assert.False(checksummed.Equals(null));
        Assert.Equal(checksummed, EthereumAddress.FromBytes(checksummed.ToArray()));
    }

    private static byte[] PrivateKeyOne => Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001");
}
