namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// A new site of a DAO; energy sites have a meter, food and water sites report inventory instead. <paramref name="Platforms"/>
/// names the Embassy platforms whose webhooks may report for it; null lets any verified platform.
/// </summary>
public sealed record SiteRegistration(string SiteId, string DaoId, RwaDomain Domain, MeterConfig? Meter, IReadOnlyList<string>? Platforms);
