using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Daarion.Crypto.AtRest;

/// <summary>
/// Encrypts secrets the host must keep usable (webhook secrets, HMAC device keys) before they are written to the
/// database, with AES-256-GCM under a key held outside it. A sealed value is
/// <c>[version 1][key id, 8 bytes][nonce, 12][ciphertext][tag, 16]</c>; the key id (the first 8 bytes of the key's
/// SHA-256) names which key opens it, so the key can be rotated: previous keys still open, and values sealed under them are
/// found by their key id (<see cref="CurrentKeyId"/>) and re-sealed. The context (e.g. the row's identity) is authenticated with it: a sealed value copied to
/// another row does not open there.
/// </summary>
public sealed class SecretSealer
{
    public const int KeySize = 32;
    private const byte Version = 1;
    private const int KeyIdSize = 8;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + KeyIdSize + NonceSize;

    private readonly ulong _currentId;
    private readonly Dictionary<ulong, byte[]> _keys = [];

    /// <param name="currentKey">Seals new values (32 bytes).</param>
    /// <param name="previousKeys">Only open values sealed before a rotation.</param>
    /// <exception cref="ArgumentException">A key is not 32 bytes.</exception>
    public SecretSealer(byte[] currentKey, IEnumerable<byte[]>? previousKeys = null)
    {
        _currentId = Add(currentKey);
        foreach (var key in previousKeys ?? []) Add(key);
    }

    /// <summary>Encrypts <paramref name="secret"/> under the current key, bound to <paramref name="context"/>.</summary>
    public byte[] Seal(ReadOnlySpan<byte> secret, string context)
    {
        var sealedValue = new byte[HeaderSize + secret.Length + TagSize];
        sealedValue[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(sealedValue.AsSpan(1, KeyIdSize), _currentId);
        var nonce = sealedValue.AsSpan(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentId], TagSize);
        aes.Encrypt(nonce, secret, sealedValue.AsSpan(HeaderSize, secret.Length), sealedValue.AsSpan(HeaderSize + secret.Length), Encoding.UTF8.GetBytes(context));
        return sealedValue;
    }

    /// <summary>The secret sealed in <paramref name="sealedValue"/> for <paramref name="context"/>.</summary>
    /// <exception cref="CryptographicException">Not a sealed value, sealed under a key this sealer does not hold, for another
    /// context, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, string context)
    {
        if (sealedValue.Length < HeaderSize + TagSize || sealedValue[0] != Version)
        {
            throw new CryptographicException("Not a sealed secret (unknown format).");
        }
        var keyId = BinaryPrimitives.ReadUInt64BigEndian(sealedValue.Slice(1, KeyIdSize));
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The secret was sealed under key {keyId:x16}, which is neither the current nor a previous key.");
        }
        var length = sealedValue.Length - HeaderSize - TagSize;
        var secret = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.Slice(1 + KeyIdSize, NonceSize), sealedValue.Slice(HeaderSize, length), sealedValue[^TagSize..], secret, Encoding.UTF8.GetBytes(context));
        return secret;
    }

    /// <summary>Bytes 1 to 8 of every value sealed now (the current key's id), e.g. to find older values in SQL.</summary>
    public byte[] CurrentKeyId
    {
        get
        {
            var id = new byte[KeyIdSize];
            BinaryPrimitives.WriteUInt64BigEndian(id, _currentId);
            return id;
        }
    }

    private ulong Add(byte[] key)
    {
        if (key.Length != KeySize) throw new ArgumentException($"A sealing key is {KeySize} bytes, not {key.Length}.", nameof(key));
        var id = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(key));
        _keys[id] = key.ToArray();
        return id;
    }
}
