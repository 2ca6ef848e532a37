using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Why a reading was rejected, quarantined or failed (docs/ENERGY.md has the rules).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadingReason>))]
public enum ReadingReason
{
    /// <summary>A field is missing or malformed (site id, value, unit, timestamp, sequence, signature encoding).</summary>
    [JsonStringEnumMemberName("invalid_reading")] InvalidReading,

    [JsonStringEnumMemberName("unknown_site")] UnknownSite,

    /// <summary>The site has no meter (food and water sites report inventory instead).</summary>
    [JsonStringEnumMemberName("no_meter")] NoMeter,

    /// <summary>An inventory report for another domain than the site's, or for energy (which follows the meter).</summary>
    [JsonStringEnumMemberName("wrong_domain")] WrongDomain,

    /// <summary>The site requires signed readings and this one is not signed.</summary>
    [JsonStringEnumMemberName("signature_required")] SignatureRequired,

    /// <summary>The signature names a key the site does not have.</summary>
    [JsonStringEnumMemberName("unknown_key")] UnknownKey,

    [JsonStringEnumMemberName("signature_invalid")] SignatureInvalid,

    /// <summary>At or before the site's last applied position (sequence, else timestamp) and not a known duplicate.</summary>
    [JsonStringEnumMemberName("out_of_order")] OutOfOrder,

    /// <summary>Quarantined: a cumulative register went backwards (meter reset or replaced, or a poisoned reading).</summary>
    [JsonStringEnumMemberName("negative_delta")] NegativeDelta,

    /// <summary>Quarantined: far above the site's recent peak.</summary>
    [JsonStringEnumMemberName("spike")] Spike,

    /// <summary>Quarantined: the device's clock is ahead of ours by more than the tolerance.</summary>
    [JsonStringEnumMemberName("future_timestamp")] FutureTimestamp,

    /// <summary>Failed: the site's grain or the database was unavailable or overloaded.</summary>
    [JsonStringEnumMemberName("unavailable")] Unavailable,

    /// <summary>A webhook from a platform the site does not take reports from (its platforms list).</summary>
    [JsonStringEnumMemberName("platform_not_allowed")] PlatformNotAllowed,
}
