using System.Diagnostics.CodeAnalysis;
using Daarion.Crypto;

namespace Daarion.Adapters.Evm;

/// <summary>The 32-byte Keccak-256 hash that identifies a transaction; written as 0x-prefixed lower-case hex.</summary>
public sealed class TransactionHash : IEquatable<TransactionHash>
{
    private readonly byte[] _bytes;

    private TransactionHash(byte[] bytes) => _bytes = bytes;

    public static TransactionHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Keccak256.HashSize)
            throw new ArgumentException($"A transaction hash has {Keccak256.HashSize} bytes, not {bytes.Length}.", nameof(bytes));
        return new TransactionHash(bytes.ToArray());
    }

    /// <summary>Parses 0x + 64 hex digits (either case), as stored next to a claim.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TransactionHash? hash)
    {
        hash = null;
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(text, out var bytes) || bytes.Length != Keccak256.HashSize)
            return false;
        hash = new TransactionHash(bytes);
        return true;
    }

    public static TransactionHash Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("Not a transaction hash (0x + 64 hex digits).");

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public override string ToString() => Hex.Encode(_bytes);

    public bool Equals(TransactionHash? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as TransactionHash);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    public static bool operator ==(TransactionHash? left, TransactionHash? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(TransactionHash? left, TransactionHash? right) => !(left == right);
}
