using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Grains.Energy;

/// <summary>A site as its tables hold it: sites, site_meters and site_device_keys (keys with their material).</summary>
internal sealed record SiteRecord(string SiteId, string DaoId, RwaDomain Domain, DateTimeOffset CreatedAt, MeterConfig? Meter)
{
    /// <summary>The ids of the meter's revoked keys: never verifying again, never given to a new key.</summary>
    public IReadOnlyList<string> RevokedKeyIds { get; init; } = [];
}
