using System.Text;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// What a device signs for one reading: the UTF-8 bytes of
/// <c>daarion-reading-v1|{site_id}|{seq}|{value}|{unit}|{ts}</c>, each field exactly as sent in the request
/// (seq empty when absent, unit empty when absent), so the device signs its own text and no number formatting
/// has to agree between the two sides.
/// </summary>
public static class ReadingSignature
{
    public const string Prefix = "daarion-reading-v1";

    public static byte[] Payload(string siteId, string? seq, string value, string? unit, string ts) =>
        Payload(Encoding.UTF8.GetBytes(siteId), Encoding.UTF8.GetBytes(seq ?? ""), Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(unit ?? ""), Encoding.UTF8.GetBytes(ts));

    /// <summary>The same bytes from the fields' UTF-8 text, as a request carries them.</summary>
    public static byte[] Payload(ReadOnlySpan<byte> siteId, ReadOnlySpan<byte> seq, ReadOnlySpan<byte> value, ReadOnlySpan<byte> unit, ReadOnlySpan<byte> ts)
    {
        var payload = new byte[Prefix.Length + siteId.Length + seq.Length + value.Length + unit.Length + ts.Length + 5];
        var at = Encoding.ASCII.GetBytes(Prefix, payload);
        at = Append(payload, at, siteId);
        at = Append(payload, at, seq);
        at = Append(payload, at, value);
        at = Append(payload, at, unit);
        Append(payload, at, ts);
        return payload;
    }

    private static int Append(Span<byte> payload, int at, ReadOnlySpan<byte> field)
    {
        payload[at] = (byte)'|';
        field.CopyTo(payload[(at + 1)..]);
        return at + 1 + field.Length;
    }
}
