using System.Text.Json.Serialization;
using Daarion.ApiHost.Energy;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>POST /v1/embassy/oracle (seed 28 §7): <c>{site, kWh, ts}</c>, optionally with the device's seq and signature.</summary>
public sealed record OracleWebhookBody(string? Platform, string? Site, [property: JsonPropertyName("kWh")] JsonScalar? Kwh, string? Ts, JsonScalar? Seq, string? KeyId, string? Signature)
    : IReadingWebhookBody
{
    bool IReadingWebhookBody.TryToReading(out SiteReading reading, out string? error)
    {
        // The value is in kWh by its name; the device signs the fields as sent, without a unit.
        return new ReadingInput(Site, Seq, Kwh, null, Ts, KeyId, Signature).TryParse(out reading, out error, EnergyUnit.KWh, new ReadingFieldNames("site", "kWh"));
    }
}
