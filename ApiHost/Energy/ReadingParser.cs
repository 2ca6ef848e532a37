using System.Buffers.Text;
using System.Text;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// Turns a reading's text (<see cref="ReadingText"/>) into a <see cref="SiteReading"/>: site id, optional device seq,
/// value as a decimal (digits and an optional fraction: never an exponent, never floating point), unit Wh, kWh or MWh
/// in any letter case (the meter's own when absent), RFC 3339 ts, optional key_id and base64 signature. A failure
/// names its field. One parser serves one request: a batch names few sites many times, so each id string is made once.
/// </summary>
internal sealed class ReadingParser
{
    private const int MaxSiteIdLength = 128;
    private const int MaxKeyIdLength = 64;
    private const int MaxSignatureBytes = 64;
    private const int MaxValueLength = 40;

    private readonly Dictionary<string, string> _siteIds = new(StringComparer.Ordinal);

    public bool TryParse(scoped in ReadingText text, ReadingFieldNames names, EnergyUnit? impliedUnit, out SiteReading reading, out string? error)
    {
        reading = default;
        error = text.Malformed;
        if (!TrySiteId(text.SiteId, out var siteId)) error ??= $"{names.SiteId} must be {SiteIds.Rule}.";
        long? seq = null;
        if (text.Seq.Length > 0)
        {
            if (IsDigits(text.Seq) && Utf8Parser.TryParse(text.Seq, out long number, out var used) && used == text.Seq.Length) seq = number;
            else error ??= "seq must be a non-negative integer.";
        }
        if (!TryDecimal(text.Value, out var value)) error ??= Amounts.Describe(names.Value, signed: false);
        var unit = impliedUnit;
        if (text.Unit.Length > 0)
        {
            if (TryUnit(text.Unit, out var parsed)) unit = parsed;
            else error ??= "unit must be Wh, kWh or MWh.";
        }
        if (!Rfc3339.TryParse(text.Ts, out var ts)) error ??= "ts must be an RFC 3339 timestamp with a time zone, such as \"2026-01-31T12:00:00Z\".";
        if (text.KeyId.Length > MaxKeyIdLength) error ??= $"key_id must be at most {MaxKeyIdLength} characters.";
        byte[]? signature = null;
        if (text.Signature.Length > 0)
        {
            var buffer = new byte[MaxSignatureBytes];
            if (Base64.DecodeFromUtf8(text.Signature, buffer, out _, out var written) == System.Buffers.OperationStatus.Done && written > 0) signature = buffer[..written];
            else error ??= $"signature must be base64 of at most {MaxSignatureBytes} bytes.";
        }
        if (error is not null) return false;
        var keyId = text.KeyId.Length > 0 ? Encoding.UTF8.GetString(text.KeyId) : null;
        // The device signed the fields as it wrote them, so the signed bytes are the request's own text.
        var signed = signature is null ? null : ReadingSignature.Payload(text.SiteId, text.Seq, text.Value, text.Unit, text.Ts);
        reading = new SiteReading(siteId!, new MeterReading(seq, ts, value, unit, keyId, signature, signed));
        return true;
    }

    /// <summary>A non-negative decimal written as digits with an optional fraction, at most 40 characters.</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0;
        if (text.Length is 0 or > MaxValueLength) return false;
        var point = text.IndexOf((byte)'.');
        if (point == 0 || point == text.Length - 1) return false;
        if (!IsDigits(point < 0 ? text : text[..point]) || (point > 0 && !IsDigits(text[(point + 1)..]))) return false;
        return Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;
    }

    private bool TrySiteId(ReadOnlySpan<byte> text, out string? siteId)
    {
        siteId = null;
        if (text.Length is 0 or > MaxSiteIdLength || !char.IsAsciiLetterOrDigit((char)text[0])) return false;
        Span<char> chars = stackalloc char[MaxSiteIdLength];
        for (var i = 0; i < text.Length; i++)
        {
            var c = (char)text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or ':' or '-')) return false;
            chars[i] = c;
        }
        var name = chars[..text.Length];
        var known = _siteIds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!known.TryGetValue(name, out siteId))
        {
            siteId = name.ToString();
            _siteIds.Add(siteId, siteId);
        }
        return true;
    }

    private static bool TryUnit(ReadOnlySpan<byte> text, out EnergyUnit unit)
    {
        foreach (var candidate in Enum.GetValues<EnergyUnit>())
        {
            unit = candidate;
            if (Ascii.EqualsIgnoreCase(text, EnergyNames.Of(candidate))) return true;
        }
        unit = default;
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b)) return false;
        }
        return true;
    }
}
