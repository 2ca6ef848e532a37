using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Daarion.Crypto.Ethereum;

/// <summary>
/// secp256k1 operations Ethereum needs: public keys, deterministic signing (RFC 6979, low s) and
/// public-key recovery from a signature, which is how Ethereum verifies without shipping public keys.
/// </summary>
public static class Secp256k1
{
    /// <summary>Length of a private key in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Length of an uncompressed SEC1 public key (0x04 ‖ X ‖ Y).</summary>
    public const int PublicKeySize = 65;

    internal static readonly ECDomainParameters Domain = CreateDomain();

    internal static readonly BigInteger HalfOrder = Domain.N.ShiftRight(1);

    /// <summary>True when <paramref name="privateKey"/> is 32 bytes encoding d with 1 ≤ d &lt; n.</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
            return false;
        var d = new BigInteger(1, privateKey.ToArray());
        return d.SignValue > 0 && d.CompareTo(Domain.N) < 0;
    }

    /// <summary>The uncompressed 65-byte public key of <paramref name="privateKey"/>.</summary>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey)
    {
        var d = ToScalar(privateKey);
        return new FixedPointCombMultiplier().Multiply(Domain.G, d).Normalize().GetEncoded(false);
    }

    /// <summary>
    /// Signs a 32-byte hash with RFC 6979 deterministic k (HMAC-SHA256), normalises s to the lower half
    /// of the order and finds the recovery id, so the result verifies in every Ethereum client.
    /// </summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey)
    {
        RequireHash(hash);
        var d = ToScalar(privateKey);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var hashBytes = hash.ToArray();
        var rs = signer.GenerateSignature(hashBytes);
        var r = rs[0];
        var s = rs[1].CompareTo(HalfOrder) > 0 ? Domain.N.Subtract(rs[1]) : rs[1];

        // Negating s flips the parity of R's y, so the recovery id is found by trying both
        // rather than tracked through the normalisation.
        var publicKey = GetPublicKey(privateKey);
        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            var candidate = EcdsaSignature.FromScalars(r, s, recoveryId);
            if (TryRecoverPublicKey(hashBytes, candidate, out var recovered) && recovered.AsSpan().SequenceEqual(publicKey))
                return candidate;
        }
        // Only reachable when R's x-coordinate is ≥ n (probability ~2^-128), which Ethereum's v cannot express.
        throw new InvalidOperationException("The signature has no Ethereum recovery id.");
    }

    /// <summary>
    /// Recovers the uncompressed public key that produced <paramref name="signature"/> over
    /// <paramref name="hash"/> (SEC 1 §4.1.6). False when no such key exists.
    /// </summary>
    public static bool TryRecoverPublicKey(
        ReadOnlySpan<byte> hash,
        EcdsaSignature signature,
        [NotNullWhen(true)] out byte[]? publicKey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        RequireHash(hash);
        publicKey = null;
        var n = Domain.N;
        var r = signature.RValue;

        // R is the curve point with x = r and the y parity named by the recovery id.
        var compressedR = new byte[33];
        compressedR[0] = (byte)(0x02 + signature.RecoveryId);
        r.ToByteArrayUnsigned().PadLeft(32).CopyTo(compressedR, 1);
        ECPoint pointR;
        try
        {
            pointR = Domain.Curve.DecodePoint(compressedR);
        }
        catch (ArgumentException)
        {
            return false;
        }

        // Q = r⁻¹ (s·R − e·G)
        var e = new BigInteger(1, hash.ToArray());
        var rInverse = r.ModInverse(n);
        var u1 = e.Negate().Mod(n).Multiply(rInverse).Mod(n);
        var u2 = signature.SValue.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, u1, pointR, u2).Normalize();
        if (q.IsInfinity)
            return false;
        publicKey = q.GetEncoded(false);
        return true;
    }

    // Accepts SEC1 compressed (33), raw X‖Y (64, as Ethereum tooling often writes it) or SEC1
    // uncompressed (65) keys; BouncyCastle refuses points that are not on the curve.
    internal static byte[] DecodePublicKey(ReadOnlySpan<byte> publicKey)
    {
        var sec1 = publicKey.Length switch
        {
            33 or PublicKeySize => publicKey.ToArray(),
            64 => [0x04, .. publicKey],
            _ => throw new ArgumentException("A secp256k1 public key has 33, 64 or 65 bytes.", nameof(publicKey)),
        };
        return Domain.Curve.DecodePoint(sec1).Normalize().GetEncoded(false);
    }

    private static BigInteger ToScalar(ReadOnlySpan<byte> privateKey)
    {
        if (!IsValidPrivateKey(privateKey))
            throw new ArgumentException("A secp256k1 private key is 32 bytes encoding 1 ≤ d < n.", nameof(privateKey));
        return new BigInteger(1, privateKey.ToArray());
    }

    private static void RequireHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != Keccak256.HashSize)
            throw new ArgumentException("secp256k1 signatures here are over 32-byte hashes.", nameof(hash));
    }

    private static ECDomainParameters CreateDomain()
    {
        var curve = CustomNamedCurves.GetByName("secp256k1");
        return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
    }
}
