using Org.BouncyCastle.Crypto.Digests;

namespace Daarion.Crypto;

/// <summary>
/// Ethereum's Keccak-256: the original Keccak submission (padding byte 0x01), not the standardised
/// SHA3-256 (padding byte 0x06). The two give different digests for the same input.
/// </summary>
public static class Keccak256
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[HashSize];
        Hash(data, digest);
        return digest;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSize)
            throw new ArgumentException($"The destination needs {HashSize} bytes.", nameof(destination));

        var keccak = new KeccakDigest(256);
        // This BouncyCastle version only takes arrays.
        var input = data.ToArray();
        keccak.BlockUpdate(input, 0, input.Length);
        var output = new byte[HashSize];
        keccak.DoFinal(output, 0);
        output.CopyTo(destination);
    }
}
