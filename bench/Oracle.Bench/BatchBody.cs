using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Oracle.Bench;

/// <summary>
/// The body of one batch of a sender: every site it owns gets <c>perSite</c> interval readings of 1.5 kWh with the
/// next device sequence numbers, written straight to UTF-8 so generating the load costs little of the shared CPU.
/// With a device key, each reading is signed as a meter would sign it (HMAC-SHA256 over <see cref="ReadingSignature"/>).
/// </summary>
public sealed class BatchBody(IReadOnlyList<string> sites, int perSite, byte[]? deviceKey)
{
    public const decimal ReadingKwh = 1.5m;
    public const string KeyId = "meter";

    private static readonly string Ts = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private long _nextSeq = 1;

    public int Readings => sites.Count * perSite;

    /// <summary>The next batch's JSON (valid until the next call).</summary>
    public ReadOnlyMemory<byte> Next()
    {
        _buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_buffer);
        json.WriteStartObject();
        json.WriteStartArray("readings");
        for (var r = 0; r < perSite; r++)
        {
            var seq = _nextSeq + r;
            foreach (var site in sites)
            {
                json.WriteStartObject();
                json.WriteString("site_id", site);
                json.WriteNumber("seq", seq);
                json.WriteString("value", "1.5");
                json.WriteString("ts", Ts);
                if (deviceKey is not null)
                {
                    var payload = ReadingSignature.Payload(site, seq.ToString(CultureInfo.InvariantCulture), "1.5", null, Ts);
                    json.WriteString("key_id", KeyId);
                    json.WriteBase64String("signature", HMACSHA256.HashData(deviceKey, payload));
                }
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        _nextSeq += perSite;
        return _buffer.WrittenMemory;
    }
}
