using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Daarion.ApiHost.Ledger;

/// <summary>Checks of request fields shared by the ledger's request bodies, each failure naming its field.</summary>
internal static partial class RequestFields
{
    private const int MaxMetadataBytes = 16 * 1024;

    public static bool TryId(string? text, string field, out Guid id, ref string? error)
    {
        if (Guid.TryParseExact(text, "D", out id) && id != Guid.Empty) return true;
        error ??= $"{field} must be a UUID such as \"11111111-1111-1111-1111-111111111111\".";
        return false;
    }

    public static bool TryAmount(string? text, string field, bool signed, out decimal amount, ref string? error)
    {
        if (Amounts.TryParse(text, signed, out amount)) return true;
        error ??= Amounts.Describe(field, signed);
        return false;
    }

    public static bool TryOptionalAmount(string? text, string field, out decimal? amount, ref string? error)
    {
        amount = null;
        if (text is null) return true;
        if (!TryAmount(text, field, signed: false, out var value, ref error)) return false;
        amount = value;
        return true;
    }

    /// <summary>Metadata is an optional JSON object, kept in compact form (at most 16 KiB).</summary>
    public static bool TryMetadata(JsonElement? element, out string? metadata, ref string? error)
    {
        metadata = null;
        if (element is not { } value || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Object)
        {
            error ??= "metadata must be a JSON object.";
            return false;
        }
        metadata = JsonSerializer.Serialize(value);
        if (metadata.Length <= MaxMetadataBytes) return true;
        error ??= $"metadata must be at most {MaxMetadataBytes} bytes of JSON.";
        return false;
    }

    public static bool TryTimestamp(string? text, string field, out DateTimeOffset? value, ref string? error)
    {
        value = null;
        if (text is null) return true;
        if (Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }
        error ??= $"{field} must be an RFC 3339 timestamp with a time zone, such as \"2026-01-31T12:00:00Z\".";
        return false;
    }

    public static bool TryText(string? text, string field, int maxLength, out string value, ref string? error)
    {
        value = text ?? "";
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= maxLength) return true;
        error ??= $"{field} must be 1 to {maxLength} characters.";
        return false;
    }

    // A date, a time with optional fraction, and a zone: what RFC 3339 requires, nothing looser.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
