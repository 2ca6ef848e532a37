using System.Security.Cryptography;

namespace Daarion.Crypto.Ethereum;

/// <summary>
/// A secp256k1 private key with its address. The key bytes never leave this object (no export, and
/// <see cref="ToString"/> shows only the address); <see cref="Dispose"/> wipes them.
/// </summary>
public sealed class EthereumKey : IDisposable
{
    private readonly byte[] _privateKey;
    private bool _disposed;

    private EthereumKey(byte[] privateKey)
    {
        _privateKey = privateKey;
        PublicKey = Secp256k1.GetPublicKey(privateKey);
        Address = EthereumAddress.FromPublicKey(PublicKey.Span);
    }

    /// <summary>The uncompressed 65-byte public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The account address of this key.</summary>
    public EthereumAddress Address { get; }

    /// <summary>A fresh key from the operating system's CSPRNG.</summary>
    public static EthereumKey Generate()
    {
        var candidate = new byte[Secp256k1.PrivateKeySize];
        // Fewer than 1 in 2^127 random values fall outside [1, n); retrying keeps the distribution uniform.
        do
        {
            RandomNumberGenerator.Fill(candidate);
        }
        while (!Secp256k1.IsValidPrivateKey(candidate));
        return new EthereumKey(candidate);
    }

    /// <summary>Wraps an existing 32-byte private key (the bytes are copied).</summary>
    public static EthereumKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey))
            throw new ArgumentException("A secp256k1 private key is 32 bytes encoding 1 ≤ d < n.", nameof(privateKey));
        return new EthereumKey(privateKey.ToArray());
    }

    /// <summary>Signs a 32-byte hash (RFC 6979, low s, with recovery id).</summary>
    public EcdsaSignature SignHash(ReadOnlySpan<byte> hash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Secp256k1.Sign(hash, _privateKey);
    }

    /// <summary>Shows the address only.</summary>
    public override string ToString() => $"EthereumKey({Address})";

    /// <summary>Overwrites the private key bytes.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _disposed = true;
    }
}
