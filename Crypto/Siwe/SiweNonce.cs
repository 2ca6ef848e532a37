using System.Security.Cryptography;

namespace Daarion.Crypto.Siwe;

/// <summary>Server-issued sign-in nonces: random, alphanumeric as EIP-4361 requires, single use (the caller stores them).</summary>
public static class SiweNonce
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // 22 characters of a 62-letter alphabet carry about 131 bits, above a 128-bit guessing bound.
    private const int DefaultLength = 22;

    /// <summary>A fresh nonce from the operating system's CSPRNG.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, DefaultLength);

    /// <summary>True for at least 8 ASCII letters or digits, the EIP-4361 nonce rule.</summary>
    public static bool IsValid(ReadOnlySpan<char> nonce)
    {
        if (nonce.Length < 8)
            return false;
        foreach (var c in nonce)
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }
}
