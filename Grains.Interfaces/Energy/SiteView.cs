namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A site, its meter (energy sites) and the meter's progress.</summary>
public sealed record SiteView(
    string SiteId, string DaoId, RwaDomain Domain, DateTimeOffset CreatedAt, MeterView? Meter, MeterStatus? Status, IReadOnlyList<string>? Platforms);
