using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>What each reason means, for problem details (the rules are in docs/ENERGY.md).</summary>
internal static class ReadingReasons
{
    public static string Describe(ReadingReason? reason) => reason switch
    {
        ReadingReason.InvalidReading => "The reading's value is negative, too large, or has more than 12 decimals in kWh.",
        ReadingReason.UnknownSite => "No site with this id is registered.",
        ReadingReason.NoMeter => "The site has no meter: food and water sites report stock through /v1/embassy/rwa.",
        ReadingReason.WrongDomain => "The report's domain is not the site's, or it is energy, whose inventory follows the meter's readings.",
        ReadingReason.SignatureRequired => "The site requires readings signed by one of its device keys.",
        ReadingReason.UnknownKey => "The signature names no key of the site (give key_id when the site has several keys).",
        ReadingReason.SignatureInvalid => "The device signature does not verify over the reading's text.",
        ReadingReason.PlatformNotAllowed => "The site takes reports only from the platforms registered with it (its platforms list).",
        ReadingReason.OutOfOrder => "The reading is at or before the site's last applied position (its seq, else its timestamp).",
        _ => "The reading was not applied.",
    };
}
