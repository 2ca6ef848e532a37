namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>KWT paid per unit delivered in a domain (per kWh for energy), in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record PayoutRate(string Domain, decimal Rate, DateTimeOffset EffectiveFrom, string SetBy);
