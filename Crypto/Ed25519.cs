using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Daarion.Crypto;

/// <summary>
/// Ed25519 (RFC 8032, pure, no context) via BouncyCastle. Verification refuses non-canonical
/// encodings (S ≥ L, off-curve R or A), so a signature has exactly one valid byte form.
/// </summary>
public static class Ed25519
{
    /// <summary>Length of public and private keys in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Length of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeySize || signature.Length != SignatureSize)
            return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey.ToArray(), 0));
        var bytes = message.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>Signs <paramref name="message"/> with a 32-byte private key (seed); used by device simulators and tests.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, PrivateKey(privateKey));
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    /// <summary>The 32-byte public key of a 32-byte private key.</summary>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey) => PrivateKey(privateKey).GeneratePublicKey().GetEncoded();

    private static Ed25519PrivateKeyParameters PrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeySize)
            throw new ArgumentException($"An Ed25519 private key has {KeySize} bytes.", nameof(privateKey));
        return new Ed25519PrivateKeyParameters(privateKey.ToArray(), 0);
    }
}
