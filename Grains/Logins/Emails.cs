using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Daarion.Grains.Logins;

/// <summary>Email addresses as users are keyed by them: a bare address (no display name), trimmed and lower-cased.</summary>
public static class Emails
{
    public const int MaxLength = 254;

    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? email)
    {
        email = null;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length is < 3 or > MaxLength || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed) return false;
        if (!address.Host.Contains('.', StringComparison.Ordinal) || trimmed.Any(char.IsWhiteSpace)) return false;
        email = trimmed.ToLowerInvariant();
        return true;
    }
}
