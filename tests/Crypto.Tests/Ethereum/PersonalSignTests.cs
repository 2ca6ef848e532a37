using System.Text;
using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Tests.Ethereum;

public sealed class PersonalSignTests
{
    // The personal_sign example of web3.js' accounts documentation: this key signing "Some data".
    private const string Web3PrivateKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private const string Web3Address = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
    private const string Web3Signature =
        "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";

    [Fact]
    public void HashMessage_OfHelloWorld_MatchesTheEthersVector()
    {
        Assert.Equal(
            "0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2",
            Hex.Encode(PersonalSign.HashMessage("Hello World")));
    }

    [Fact]
    public void HashMessage_OfBytes_HashesThemRaw()
    {
        Assert.Equal(
            "0x0d3abc18ec299cf9b42ba439ac6f7e3e6ec9f5c048943704e30fc2d9c7981438",
            Hex.Encode(PersonalSign.HashMessage([0x42, 0x43])));
    }

    [Fact]
    public void HashMessage_PrefixesTheUtf8ByteLengthNotTheCharacterCount()
    {
        // "é" is one character but two UTF-8 bytes, so the prefix must say 2.
        var expected = Keccak256.Hash([.. "\u0019Ethereum Signed Message:\n2"u8, 0xC3, 0xA9]);
        Assert.Equal(expected, PersonalSign.HashMessage("é"));
    }

    [Fact]
    public void Sign_WithTheWeb3Key_ReproducesTheWeb3Signature()
    {
        using var key = EthereumKey.FromPrivateKey(Convert.FromHexString(Web3PrivateKey));

        Assert.Equal(Web3Address, key.Address.ToString());
        Assert.Equal(Web3Signature, PersonalSign.Sign("Some data", key).ToString());
    }

    [Fact]
    public void Verify_OfTheWeb3Signature_AcceptsTheSignerOnly()
    {
        Assert.True(Hex.TryDecode(Web3Signature, out var signature));
        var signer = EthereumAddress.Parse(Web3Address);

        Assert.True(PersonalSign.Verify("Some data", signature, signer));
        Assert.False(PersonalSign.Verify("Some data.", signature, signer));
        Assert.False(PersonalSign.Verify("Some data", signature, EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")));
    }

    [Fact]
    public void TryRecoverAddress_OfHighSTwin_IsRefused()
    {
        using var key = EthereumKey.Generate();
        var message = Encoding.UTF8.GetBytes("login");
        var signature = PersonalSign.Sign(message, key);
        var twin = HighSTwin(signature);

        Assert.True(PersonalSign.TryRecoverAddress(message, signature.ToBytes(), out var recovered, out _));
        Assert.Equal(key.Address, recovered);
        Assert.False(PersonalSign.TryRecoverAddress(message, twin, out _, out var error));
        Assert.Equal(EcdsaSignatureError.HighS, error);
        Assert.False(PersonalSign.Verify(message, twin, key.Address));
    }

    [Fact]
    public void Verify_OfTruncatedSignature_IsFalse()
    {
        using var key = EthereumKey.Generate();
        var signature = PersonalSign.Sign("hi", key).ToBytes();

        Assert.False(PersonalSign.Verify("hi", signature[..64], key.Address));
        Assert.False(PersonalSign.TryRecoverAddress("hi"u8, signature[..64], out _, out var error));
        Assert.Equal(EcdsaSignatureError.InvalidLength, error);
    }

    // (r, n − s, flipped v) recovers the same key in a lax verifier; EIP-2 made it invalid.
    internal static byte[] HighSTwin(EcdsaSignature signature)
    {
        var n = System.Numerics.BigInteger.Parse(
            "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(signature.S, isUnsigned: true, isBigEndian: true);
        var highS = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = signature.ToBytes();
        Array.Clear(bytes, 32, 32);
        highS.CopyTo(bytes, 64 - highS.Length);
        bytes[64] = (byte)(bytes[64] == 27 ? 28 : 27);
        return bytes;
    }
}
