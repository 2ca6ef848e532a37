using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Grains.Energy;

/// <summary>A site as its tables hold it: sites, site_meters, site_device_keys (keys with their material) and site_platforms.</summary>
internal sealed record SiteRecord(string SiteId, string DaoId, RwaDomain Domain, DateTimeOffset CreatedAt, MeterConfig? Meter)
{
    /// <summary>The ids of the meter's revoked keys: never verifying again, never given to a new key.</summary>
    public IReadOnlyList<string> RevokedKeyIds { get; init; } = [];

    /// <summary>The platforms whose webhooks may report for the site; null: any verified platform.</summary>
    public IReadOnlyList<string>? Platforms { get; init; }

    /// <summary>Whether a report may apply: not a webhook, or one from a platform the site takes.</summary>
    public bool Accepts(WebhookReceipt? receipt) => receipt is null || Platforms is null || Platforms.Contains(receipt.Platform);
}
