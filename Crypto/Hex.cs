using System.Diagnostics.CodeAnalysis;

namespace Daarion.Crypto;

/// <summary>Hex strings as Ethereum tooling writes them: <c>0x</c>-prefixed, lower-case on output.</summary>
public static class Hex
{
    /// <summary>Encodes <paramref name="bytes"/> as <c>0x</c> followed by lower-case hex digits.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>
    /// Decodes an even number of hex digits, with or without a <c>0x</c> prefix, in either case.
    /// Returns false for anything else (odd length, stray characters, null).
    /// </summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null)
            return false;
        var digits = text.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        if (digits.Length % 2 != 0 || !IsHex(digits))
            return false;
        bytes = Convert.FromHexString(digits);
        return true;
    }

    internal static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }
}
