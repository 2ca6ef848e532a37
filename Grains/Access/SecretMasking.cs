namespace Daarion.Grains.Access;

/// <summary>
/// Masks what looks secret before a context reaches the decision log: values under secret-sounding names (token,
/// code, signature, key, …) and values shaped like our credentials or a JWT, also inside a query string.
/// </summary>
public static class SecretMasking
{
    public const string Mask = "***";

    private static readonly string[] SecretNames = ["secret", "token", "password", "passwd", "code", "otp", "signature", "key", "authorization", "cookie", "credential", "nonce", "session"];
    private static readonly string[] SecretPrefixes = ["dak_", "dek_", "dsk_", "drt_", "eyJ", "Bearer ", "whsec_"];

    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string>? attributes)
    {
        var masked = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes is null) return masked;
        foreach (var (name, value) in attributes) masked[name] = name == "query" ? MaskQuery(value) : MaskValue(name, value);
        return masked;
    }

    private static string MaskValue(string name, string value) =>
        SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)) || LooksLikeCredential(value) ? Mask : value;

    private static bool LooksLikeCredential(string value) => SecretPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));

    // "?a=1&token=x" → "?a=1&token=***": names stay readable, secret values do not.
    private static string MaskQuery(string query)
    {
        var parts = query.TrimStart('?').Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var pair = parts[i].Split('=', 2);
            if (pair.Length == 2 && MaskValue(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) == Mask) parts[i] = $"{pair[0]}={Mask}";
        }
        return (query.StartsWith('?') ? "?" : "") + string.Join('&', parts);
    }
}
