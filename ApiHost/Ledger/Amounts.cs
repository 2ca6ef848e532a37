using System.Globalization;

namespace Daarion.ApiHost.Ledger;

/// <summary>
/// Amounts arrive as decimal strings ("12.50"): digits with an optional fraction, a leading minus only where a
/// signed amount is allowed, no exponent, no spaces, no thousands separators; never binary floating point.
/// </summary>
internal static class Amounts
{
    private const int MaxLength = 40;

    public static bool TryParse(string? text, bool signed, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        var digits = text.AsSpan(text[0] == '-' && signed ? 1 : 0);
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (whole.Length == 0 || (point >= 0 && fraction.Length == 0)) return false;
        foreach (var c in whole) if (!char.IsAsciiDigit(c)) return false;
        foreach (var c in fraction) if (!char.IsAsciiDigit(c)) return false;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Describe(string field, bool signed) =>
        $"{field} must be a decimal string such as \"12.50\"{(signed ? " (a leading minus for a debit)" : "")}: digits, an optional fraction, no exponent.";
}
