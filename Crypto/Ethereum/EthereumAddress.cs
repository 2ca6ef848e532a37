using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Daarion.Crypto.Ethereum;

/// <summary>
/// A 20-byte Ethereum account address. Parsing accepts the EIP-55 checksummed form and the
/// all-lower / all-upper forms (which carry no checksum); mixed case must match its checksum,
/// because a mixed-case address with a wrong checksum is a typo, not a choice.
/// </summary>
public sealed class EthereumAddress : IEquatable<EthereumAddress>
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Size = 20;

    private const int HexLength = 2 + 2 * Size;

    private readonly byte[] _bytes;

    private EthereumAddress(byte[] bytes) => _bytes = bytes;

    /// <summary>Wraps 20 raw bytes.</summary>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"An address has {Size} bytes, not {bytes.Length}.", nameof(bytes));
        return new EthereumAddress(bytes.ToArray());
    }

    /// <summary>
    /// The address of a secp256k1 public key: the last 20 bytes of keccak256(X || Y).
    /// Accepts 64 raw bytes, 65 bytes SEC1-uncompressed (0x04 prefix) or 33 bytes SEC1-compressed.
    /// </summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        var uncompressed = Secp256k1.DecodePublicKey(publicKey);
        var hash = Keccak256.Hash(uncompressed.AsSpan(1));
        return new EthereumAddress(hash[^Size..]);
    }

    /// <summary>
    /// Parses <c>0x</c> followed by 40 hex digits. Mixed-case input must carry a valid EIP-55 checksum.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EthereumAddress? address)
    {
        address = null;
        if (!HasAddressShape(text))
            return false;
        var digits = text.AsSpan(2);
        var bytes = Convert.FromHexString(digits);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !digits.SequenceEqual(ChecksumDigits(bytes)))
            return false;
        address = new EthereumAddress(bytes);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>, throwing <see cref="FormatException"/> on failure.</summary>
    public static EthereumAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException("Not an Ethereum address (0x + 40 hex digits, EIP-55 checksum when mixed case).");

    /// <summary>
    /// True only for the exact EIP-55 checksummed spelling (what EIP-4361 requires in a message);
    /// all-lower or all-upper spellings are refused unless they happen to be the checksum.
    /// </summary>
    public static bool IsChecksumEncoded(string? text) =>
        HasAddressShape(text)
        && text.AsSpan(2).SequenceEqual(ChecksumDigits(Convert.FromHexString(text.AsSpan(2))));

    /// <summary>A copy of the 20 address bytes.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>The EIP-55 checksummed spelling, <c>0x</c>-prefixed.</summary>
    public override string ToString() => "0x" + ChecksumDigits(_bytes);

    /// <inheritdoc />
    public bool Equals(EthereumAddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EthereumAddress);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(EthereumAddress? left, EthereumAddress? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(EthereumAddress? left, EthereumAddress? right) => !(left == right);

    private static bool HasAddressShape([NotNullWhen(true)] string? text) =>
        text is { Length: HexLength } && text.StartsWith("0x", StringComparison.Ordinal) && Hex.IsHex(text.AsSpan(2));

    // EIP-55: a hex letter is upper case when the matching nibble of keccak256(lower-case hex) is ≥ 8.
    private static string ChecksumDigits(byte[] bytes)
    {
        var lower = Convert.ToHexStringLower(bytes);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        return string.Create(lower.Length, (lower, hash), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var nibble = i % 2 == 0 ? state.hash[i / 2] >> 4 : state.hash[i / 2] & 0x0F;
                chars[i] = nibble >= 8 ? char.ToUpperInvariant(state.lower[i]) : state.lower[i];
            }
        });
    }
}
