using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Grains.Energy;

/// <summary>A reading of a batch and the site it is for.</summary>
public readonly record struct SiteReading(string SiteId, MeterReading Reading);
