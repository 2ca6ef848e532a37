using System.Security.Cryptography;

namespace Daarion.Crypto.Devices;

/// <summary>
/// Verifies signed device readings with a registered key: Ed25519 (64-byte signatures under a 32-byte public
/// key) or HMAC-SHA256 (32-byte tags under a shared key of at least 16 bytes, compared in constant time).
/// The signed payload is the raw bytes the device sent.
/// </summary>
public sealed class DeviceSignature
{
    /// <summary>Fewest bytes accepted for an HMAC key (128 bits).</summary>
    public const int MinHmacKeyLength = 16;

    private const int HmacSize = 32;

    private readonly byte[] _key;

    /// <summary>A verifier for one device key; throws <see cref="ArgumentException"/> for a key of the wrong size.</summary>
    public DeviceSignature(DeviceKeyType keyType, ReadOnlySpan<byte> key)
    {
        var valid = keyType switch
        {
            DeviceKeyType.Ed25519 => key.Length == Ed25519.KeySize,
            DeviceKeyType.HmacSha256 => key.Length >= MinHmacKeyLength,
            _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown device key type."),
        };
        if (!valid)
            throw new ArgumentException($"A {keyType} device key of {key.Length} bytes is not accepted.", nameof(key));
        KeyType = keyType;
        _key = key.ToArray();
    }

    /// <summary>The kind of key this verifier holds.</summary>
    public DeviceKeyType KeyType { get; }

    /// <summary>True when <paramref name="signature"/> authenticates <paramref name="payload"/> under this key.</summary>
    public bool Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        if (KeyType == DeviceKeyType.Ed25519)
            return Ed25519.Verify(_key, payload, signature);

        Span<byte> expected = stackalloc byte[HmacSize];
        HMACSHA256.HashData(_key, payload, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
