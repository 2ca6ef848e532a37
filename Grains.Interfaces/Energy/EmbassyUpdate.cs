namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// <c>embassy.energy.update</c> / <c>embassy.food.update</c> / <c>embassy.water.update</c> (seed 42 §8.8): what a
/// platform reported, value normalized to the domain's unit (kwh, kg, l).
/// </summary>
public sealed record EmbassyUpdate(string Platform, RwaDomain Domain, string SiteId, decimal Value, string Unit, DateTimeOffset Ts);
