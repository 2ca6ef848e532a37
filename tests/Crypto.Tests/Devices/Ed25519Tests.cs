namespace Daarion.Crypto.Tests.Devices;

public sealed class Ed25519Tests
{
    // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032Vector_KeySignatureAndVerificationMatch(string secret, string publicKey, string message, string signature)
    {
        var secretBytes = Convert.FromHexString(secret);
        var messageBytes = Convert.FromHexString(message);

        Assert.Equal(publicKey, Convert.ToHexStringLower(Ed25519.GetPublicKey(secretBytes)));
        Assert.Equal(signature, Convert.ToHexStringLower(Ed25519.Sign(secretBytes, messageBytes)));
        Assert.True(Ed25519.Verify(Convert.FromHexString(publicKey), messageBytes, Convert.FromHexString(signature)));
    }

    [Fact]
    public void Verify_OfTamperedMessageOrOtherKey_IsFalse()
    {
        var (publicKey, signature) = SignTest2();

        Assert.False(Ed25519.Verify(publicKey, [0x73], signature));
        Assert.False(Ed25519.Verify(Ed25519.GetPublicKey(new byte[32]), [0x72], signature));
    }

    [Fact]
    public void Verify_OfNonCanonicalS_IsFalse()
    {
        // S + L (the group order) verifies in lax implementations; RFC 8032 requires S < L.
        var (publicKey, signature) = SignTest2();
        var order = System.Numerics.BigInteger.Parse("7237005577332262213973186563042994240857116359379907606001950938285454250989", System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true);
        var malleable = (s + order).ToByteArray(isUnsigned: true);
        Assert.True(malleable.Length <= 32);
        var forged = signature[..32].Concat(malleable).Concat(new byte[32 - malleable.Length]).ToArray();

        Assert.False(Ed25519.Verify(publicKey, [0x72], forged));
    }

    [Fact]
    public void Verify_OfWrongLengths_IsFalse()
    {
        var (publicKey, signature) = SignTest2();

        Assert.False(Ed25519.Verify(publicKey[..31], [0x72], signature));
        Assert.False(Ed25519.Verify(publicKey, [0x72], signature[..63]));
        Assert.False(Ed25519.Verify(publicKey, [0x72], [.. signature, 0]));
    }

    internal static (byte[] PublicKey, byte[] Signature) SignTest2()
    {
        var secret = Convert.FromHexString("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        return (Ed25519.GetPublicKey(secret), Ed25519.Sign(secret, [0x72]));
    }
}
