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
        Encoding.UTF8.GetBytes(string.Join('|', Prefix, siteId, seq ?? "", value, unit ?? "", ts));
}
