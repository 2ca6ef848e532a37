using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Math;

namespace Daarion.Crypto.Ethereum;

/// <summary>
/// A canonical secp256k1 ECDSA signature with its recovery id: 0 &lt; r &lt; n, 0 &lt; s ≤ n/2, v ∈ {0, 1}.
/// Instances only exist in that canonical form, so holders never re-check ranges.
/// </summary>
public sealed class EcdsaSignature
{
    /// <summary>Length of the serialised r‖s‖v form.</summary>
    public const int Size = 65;

    private const int ScalarSize = 32;

    private readonly byte[] _r;
    private readonly byte[] _s;

    private EcdsaSignature(byte[] r, byte[] s, int recoveryId)
    {
        _r = r;
        _s = s;
        RecoveryId = recoveryId;
    }

    /// <summary>The 32-byte big-endian r.</summary>
    public ReadOnlySpan<byte> R => _r;

    /// <summary>The 32-byte big-endian s (always in the lower half of the order).</summary>
    public ReadOnlySpan<byte> S => _s;

    /// <summary>The recovery id, 0 or 1: the parity of the ephemeral point's y.</summary>
    public int RecoveryId { get; }

    /// <summary>
    /// Reads r‖s‖v. v may be 0/1 (raw recovery id) or 27/28 (what wallets put in personal_sign signatures).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> signature,
        [NotNullWhen(true)] out EcdsaSignature? result,
        out EcdsaSignatureError error)
    {
        if (signature.Length != Size)
        {
            result = null;
            error = EcdsaSignatureError.InvalidLength;
            return false;
        }
        return TryCreate(signature[..ScalarSize], signature[ScalarSize..(2 * ScalarSize)], signature[64], out result, out error);
    }

    /// <summary>
    /// Builds a signature from its parts: 32-byte big-endian r and s, and v as 0/1 or 27/28.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> r,
        ReadOnlySpan<byte> s,
        byte v,
        [NotNullWhen(true)] out EcdsaSignature? result,
        out EcdsaSignatureError error)
    {
        result = null;
        if (r.Length != ScalarSize || s.Length != ScalarSize)
        {
            error = EcdsaSignatureError.InvalidLength;
            return false;
        }
        int? recoveryId = v switch
        {
            0 or 27 => 0,
            1 or 28 => 1,
            _ => null,
        };
        var rBytes = r.ToArray();
        var sBytes = s.ToArray();
        error = recoveryId is null ? EcdsaSignatureError.InvalidRecoveryId : Check(new BigInteger(1, rBytes), new BigInteger(1, sBytes));
        if (error != EcdsaSignatureError.None)
            return false;
        result = new EcdsaSignature(rBytes, sBytes, recoveryId!.Value);
        return true;
    }

    /// <summary>Serialises as r‖s‖v with v = 27 + recovery id, the form wallets and ethers produce.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        _r.CopyTo(bytes, 0);
        _s.CopyTo(bytes, ScalarSize);
        bytes[64] = (byte)(27 + RecoveryId);
        return bytes;
    }

    /// <summary>The signature as <c>0x</c>-prefixed hex of <see cref="ToBytes"/>.</summary>
    public override string ToString() => Hex.Encode(ToBytes());

    internal BigInteger RValue => new(1, _r);

    internal BigInteger SValue => new(1, _s);

    internal static EcdsaSignature FromScalars(BigInteger r, BigInteger s, int recoveryId)
    {
        if (Check(r, s) != EcdsaSignatureError.None || recoveryId is not (0 or 1))
            throw new ArgumentException("Not a canonical signature.");
        return new EcdsaSignature(r.ToByteArrayUnsigned().PadLeft(ScalarSize), s.ToByteArrayUnsigned().PadLeft(ScalarSize), recoveryId);
    }

    private static EcdsaSignatureError Check(BigInteger r, BigInteger s)
    {
        var n = Secp256k1.Domain.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0)
            return EcdsaSignatureError.ROutOfRange;
        if (s.SignValue <= 0 || s.CompareTo(n) >= 0)
            return EcdsaSignatureError.SOutOfRange;
        return s.CompareTo(Secp256k1.HalfOrder) > 0 ? EcdsaSignatureError.HighS : EcdsaSignatureError.None;
    }
}
