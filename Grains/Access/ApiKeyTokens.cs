using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Daarion.Grains.Access;

/// <summary>
/// Key tokens: <c>{kind}{prefix}_{secret}</c>, e.g. <c>dak_Ab3dEf6hIj9k_…</c>. The 12-character prefix finds the row; the
/// secret is 32 random bytes (base64url) of which only the SHA-256 is stored.
/// </summary>
public static class ApiKeyTokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int PrefixLength = 12;
    private const int SecretBytes = 32;
    private const int KindLength = 4;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    public static string KindPrefix(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Access => "dak_",
        ApiKeyKind.Embassy => "dek_",
        _ => "dsk_",
    };

    public static NewApiKey Generate(ApiKeyKind kind)
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new NewApiKey($"{KindPrefix(kind)}{prefix}_{secret}", prefix, Hash(secret));
    }

    /// <summary>True when <paramref name="token"/> starts like one of our keys (rather than a JWT).</summary>
    public static bool LooksLikeKey(string token) => TryKind(token, out _);

    public static bool TryParse(string token, out ApiKeyKind kind, [NotNullWhen(true)] out string? prefix, [NotNullWhen(true)] out byte[]? secretHash)
    {
        kind = default;
        prefix = null;
        secretHash = null;
        if (token.Length != KindLength + PrefixLength + 1 + SecretLength || token[KindLength + PrefixLength] != '_' || !TryKind(token, out kind)) return false;
        var candidate = token.Substring(KindLength, PrefixLength);
        var secret = token[(KindLength + PrefixLength + 1)..];
        if (!candidate.All(char.IsAsciiLetterOrDigit) || !Base64Url.IsValid(secret)) return false;
        prefix = candidate;
        secretHash = Hash(secret);
        return true;
    }

    private static bool TryKind(string token, out ApiKeyKind kind)
    {
        foreach (var candidate in Enum.GetValues<ApiKeyKind>())
        {
            if (!token.StartsWith(KindPrefix(candidate), StringComparison.Ordinal)) continue;
            kind = candidate;
            return true;
        }
        kind = default;
        return false;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));
}
