namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A new site of a DAO; energy sites have a meter, food and water sites report inventory instead.</summary>
public sealed record SiteRegistration(string SiteId, string DaoId, RwaDomain Domain, MeterConfig? Meter);
