using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Tests.Ethereum;

public sealed class Secp256k1Tests
{
    private static readonly BigInteger N = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void Sign_WithPrivateKeyOne_MatchesTheRfc6979Vector()
    {
        // The widely used secp256k1/RFC 6979 vector: d = 1, message SHA-256("Satoshi Nakamoto").
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes("Satoshi Nakamoto"));
        var signature = Secp256k1.Sign(hash, Scalar(1));

        Assert.Equal("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", Convert.ToHexStringLower(signature.R));
        Assert.Equal("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", Convert.ToHexStringLower(signature.S));
        Assert.Equal(1, signature.RecoveryId);
    }

    [Fact]
    public void GetPublicKey_OfOne_IsTheGenerator()
    {
        Assert.Equal(
            "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            Convert.ToHexStringLower(Secp256k1.GetPublicKey(Scalar(1))));
    }

    [Fact]
    public void SignThenRecover_ReturnsTheSignersPublicKey_AndSIsAlwaysLow()
    {
        for (var i = 0; i < 25; i++)
        {
            using var key = EthereumKey.Generate();
            var hash = RandomNumberGenerator.GetBytes(32);

            var signature = key.SignHash(hash);

            Assert.True(Secp256k1.TryRecoverPublicKey(hash, signature, out var recovered));
            Assert.Equal(key.PublicKey.ToArray(), recovered);
            Assert.True(ToInteger(signature.S) <= N / 2);
        }
    }

    [Fact]
    public void Recover_WithAnotherHash_ReturnsAnotherKey()
    {
        using var key = EthereumKey.Generate();
        var signature = key.SignHash(new byte[32]);
        var otherHash = new byte[32];
        otherHash[0] = 1;

        Assert.True(Secp256k1.TryRecoverPublicKey(otherHash, signature, out var recovered));
        Assert.NotEqual(key.PublicKey.ToArray(), recovered);
    }

    [Fact]
    public void Recover_WhenRIsNoCurveXCoordinate_ReturnsFalse()
    {
        // x = 5 has no y on secp256k1 (5³ + 7 is a quadratic non-residue mod p).
        var bytes = Serialise(5, 1, 27);
        Assert.True(EcdsaSignature.TryParse(bytes, out var signature, out _));
        Assert.False(Secp256k1.TryRecoverPublicKey(new byte[32], signature, out _));
    }

    [Fact]
    public void TryParse_AcceptsVAsRawRecoveryIdOrWithTheEthereumOffset()
    {
        using var key = EthereumKey.Generate();
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = key.SignHash(hash);
        var withOffset = signature.ToBytes();
        var raw = (byte[])withOffset.Clone();
        raw[64] -= 27;

        foreach (var bytes in new[] { withOffset, raw })
        {
            Assert.True(EcdsaSignature.TryParse(bytes, out var parsed, out var error));
            Assert.Equal(EcdsaSignatureError.None, error);
            Assert.Equal(signature.RecoveryId, parsed.RecoveryId);
            Assert.True(Secp256k1.TryRecoverPublicKey(hash, parsed, out var recovered));
            Assert.Equal(key.PublicKey.ToArray(), recovered);
        }
    }

    [Fact]
    public void TryParse_OfHighS_IsRefusedEvenThoughItWouldRecover()
    {
        using var key = EthereumKey.Generate();
        var low = key.SignHash(new byte[32]);
        // (r, n − s) with the other parity is the malleable twin of a valid signature.
        var high = Serialise(ToInteger(low.R), N - ToInteger(low.S), (byte)(28 - low.RecoveryId));

        Assert.False(EcdsaSignature.TryParse(high, out _, out var error));
        Assert.Equal(EcdsaSignatureError.HighS, error);
    }

    public static TheoryData<byte[], EcdsaSignatureError> MalformedSignatures => new()
    {
        { new byte[64], EcdsaSignatureError.InvalidLength },
        { new byte[66], EcdsaSignatureError.InvalidLength },
        { Serialise(1, 1, 2), EcdsaSignatureError.InvalidRecoveryId },
        { Serialise(1, 1, 26), EcdsaSignatureError.InvalidRecoveryId },
        { Serialise(1, 1, 37), EcdsaSignatureError.InvalidRecoveryId },
        { Serialise(0, 1, 27), EcdsaSignatureError.ROutOfRange },
        { Serialise(N, 1, 27), EcdsaSignatureError.ROutOfRange },
        { Serialise(1, 0, 27), EcdsaSignatureError.SOutOfRange },
        { Serialise(1, N, 27), EcdsaSignatureError.SOutOfRange },
        { Serialise(1, N / 2 + 1, 27), EcdsaSignatureError.HighS },
    };

    [Theory]
    [MemberData(nameof(MalformedSignatures))]
    public void TryParse_OfMalformedSignature_NamesTheRule(byte[] bytes, EcdsaSignatureError expected)
    {
        Assert.False(EcdsaSignature.TryParse(bytes, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryCreate_FromParts_RecoversLikeTheSerialisedForm()
    {
        using var key = EthereumKey.Generate();
        var hash = RandomNumberGenerator.GetBytes(32);
        var bytes = key.SignHash(hash).ToBytes();

        Assert.True(EcdsaSignature.TryCreate(bytes.AsSpan(0, 32), bytes.AsSpan(32, 32), bytes[64], out var signature, out _));
        Assert.True(Secp256k1.TryRecoverPublicKey(hash, signature, out var recovered));
        Assert.Equal(key.PublicKey.ToArray(), recovered);
        Assert.False(EcdsaSignature.TryCreate(bytes.AsSpan(1, 31), bytes.AsSpan(32, 32), bytes[64], out _, out var error));
        Assert.Equal(EcdsaSignatureError.InvalidLength, error);
    }

    [Fact]
    public void TryParse_AtTheHalfOrder_IsAccepted()
    {
        Assert.True(EcdsaSignature.TryParse(Serialise(1, N / 2, 27), out _, out _));
    }

    [Fact]
    public void IsValidPrivateKey_ChecksLengthAndRange()
    {
        Assert.True(Secp256k1.IsValidPrivateKey(Scalar(1)));
        Assert.True(Secp256k1.IsValidPrivateKey(Scalar(N - 1)));
        Assert.False(Secp256k1.IsValidPrivateKey(Scalar(0)));
        Assert.False(Secp256k1.IsValidPrivateKey(Scalar(N)));
        Assert.False(Secp256k1.IsValidPrivateKey(new byte[31]));
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[32], Scalar(0)));
    }

    [Fact]
    public void Sign_OfNon32ByteHash_Throws()
    {
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[31], Scalar(1)));
    }

    private static byte[] Scalar(BigInteger value) => ToBytes32(value);

    private static byte[] Serialise(BigInteger r, BigInteger s, byte v) => [.. ToBytes32(r), .. ToBytes32(s), v];

    private static byte[] ToBytes32(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);
}
