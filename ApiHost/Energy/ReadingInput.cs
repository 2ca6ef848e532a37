using System.Globalization;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// One reading as sent (in a batch, or mapped from a webhook body): value as a decimal number or string, unit Wh, kWh
/// or MWh (the meter's own when absent), ts in RFC 3339, optional device seq, and an optional signature (base64) by
/// the device key key_id over <see cref="ReadingSignature"/>'s text.
/// </summary>
public sealed record ReadingInput(string? SiteId, JsonScalar? Seq, JsonScalar? Value, string? Unit, string? Ts, string? KeyId, string? Signature)
{
    private const int MaxKeyIdLength = 64;
    private const int MaxSignatureBytes = 64;

    /// <summary>
    /// Parses the fields; a failure names the field (as <paramref name="names"/> says the body calls the site and the
    /// value). <paramref name="impliedUnit"/> is the unit a body implies (kWh on /embassy/oracle).
    /// </summary>
    internal bool TryParse(out SiteReading reading, out string? error, EnergyUnit? impliedUnit = null, ReadingFieldNames? names = null)
    {
        var (siteField, valueField) = names ?? ReadingFieldNames.Default;
        reading = default;
        error = null;
        if (!SiteIds.IsValid(SiteId)) error = $"{siteField} must be {SiteIds.Rule}.";
        long? seq = null;
        if (Seq is { } seqText)
        {
            if (long.TryParse(seqText.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) seq = number;
            else error ??= "seq must be a non-negative integer.";
        }
        decimal value = 0;
        if (Value is not { } valueText || !Amounts.TryParse(valueText.Text, signed: false, out value)) error ??= Amounts.Describe(valueField, signed: false);
        var unit = impliedUnit;
        if (Unit is not null)
        {
            if (EnergyUnits.TryParse(Unit, out var parsed)) unit = parsed;
            else error ??= "unit must be Wh, kWh or MWh.";
        }
        if (Ts is null) error ??= "ts is required: an RFC 3339 timestamp with a time zone, such as \"2026-01-31T12:00:00Z\".";
        RequestFields.TryTimestamp(Ts, "ts", out var ts, ref error);
        if (KeyId is { Length: 0 or > MaxKeyIdLength }) error ??= $"key_id must be 1 to {MaxKeyIdLength} characters.";
        byte[]? signature = null;
        if (Signature is not null)
        {
            var buffer = new byte[MaxSignatureBytes];
            if (Convert.TryFromBase64String(Signature, buffer, out var length) && length > 0) signature = buffer[..length];
            else error ??= $"signature must be base64 of at most {MaxSignatureBytes} bytes.";
        }
        if (error is not null) return false;
        // The device signed the fields as it wrote them, so the signed text is rebuilt from the request's own text.
        var signed = signature is null ? null : ReadingSignature.Payload(SiteId!, Seq?.Text, Value!.Value.Text, Unit, Ts!);
        reading = new SiteReading(SiteId!, new MeterReading(seq, ts!.Value.ToUniversalTime(), value, unit, KeyId, signature, signed));
        return true;
    }
}
