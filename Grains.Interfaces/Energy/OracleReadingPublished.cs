namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// <c>oracle.reading.published</c> (seed 42 §8.9), one per site per accepted batch or release: the latest reading's
/// normalized value (kWh: the register for cumulative meters, the interval's energy otherwise), the kWh it made
/// payable (<see cref="Delta"/>, summed over the batch) and how many readings that covers.
/// </summary>
public sealed record OracleReadingPublished(RwaDomain Domain, string SiteId, decimal NormalizedValue, decimal Delta, DateTimeOffset Ts, int Readings, string Unit);
