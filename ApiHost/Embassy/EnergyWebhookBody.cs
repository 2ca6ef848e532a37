using Daarion.ApiHost.Energy;
using Daarion.Grains.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>POST /v1/embassy/energy (seed 42 §8.8): a platform's reading of a site's meter, optionally with the device's seq and signature.</summary>
public sealed record EnergyWebhookBody(string? Platform, string? Domain, string? SiteId, JsonScalar? Value, string? Unit, string? Ts, JsonScalar? Seq, string? KeyId, string? Signature)
    : IReadingWebhookBody
{
    bool IReadingWebhookBody.TryToReading(out SiteReading reading, out string? error)
    {
        if (Domain is not (null or "energy"))
        {
            reading = default;
            error = "domain must be energy here; food and water stock goes to /v1/embassy/rwa.";
            return false;
        }
        return new ReadingInput(SiteId, Seq, Value, Unit, Ts, KeyId, Signature).TryParse(out reading, out error);
    }
}
