namespace Daarion.Grains.Energy;

/// <summary>The oracle's rules (docs/ENERGY.md), bound from the "Oracle" configuration section (e.g. Oracle__SpikeFactor=20).</summary>
public sealed class OracleOptions
{
    public const string Section = "Oracle";

    /// <summary>How far a reading's timestamp may be ahead of the server clock before it is quarantined.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A delta above this many times the site's recent peak is a spike.</summary>
    public decimal SpikeFactor { get; set; } = 10m;

    /// <summary>Accepted readings a site needs before spikes are looked for (its peak means nothing before).</summary>
    public int SpikeWarmup { get; set; } = 10;

    /// <summary>Deltas up to this many kWh are never spikes (a site idle for a while has a peak near zero).</summary>
    public decimal SpikeMinimumKwh { get; set; } = 1m;

    /// <summary>Each accepted reading multiplies the recent peak by this before comparing it with its delta, so an old peak fades.</summary>
    public decimal PeakDecay { get; set; } = 0.999m;

    /// <summary>How many recent readings per site are remembered to recognise exact duplicates.</summary>
    public int DuplicateWindow { get; set; } = 32;

    /// <summary>Most readings in one batch request.</summary>
    public int MaxBatchReadings { get; set; } = 10_000;
}
