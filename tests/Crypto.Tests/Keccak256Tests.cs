using System.Text;

namespace Daarion.Crypto.Tests;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_OfKnownInput_MatchesEthereumKeccakVector(string input, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Hash_OfEmptyInput_IsNotSha3_256()
    {
        // SHA3-256("") from FIPS 202; Ethereum's Keccak differs only in the padding byte.
        const string sha3OfEmpty = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
        Assert.NotEqual(sha3OfEmpty, Convert.ToHexStringLower(Keccak256.Hash([])));
    }

    [Fact]
    public void Hash_IntoSpan_WritesTheSameDigest()
    {
        Span<byte> destination = stackalloc byte[40];
        Keccak256.Hash("abc"u8, destination);
        Assert.Equal(Keccak256.Hash("abc"u8), destination[..32].ToArray());
    }

    [Fact]
    public void Hash_IntoShortSpan_Throws()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash("abc"u8, new byte[31]));
    }
}
