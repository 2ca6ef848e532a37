namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// Where a site's meter stands: the last reading applied in order, the payable energy so far (accepted and released),
/// how many readings were accepted and quarantined, and the recent peak the spike rule compares against.
/// </summary>
public sealed record MeterStatus(
    long? LastSeq,
    DateTimeOffset? LastTs,
    decimal? LastValueKwh,
    decimal TotalKwh,
    long AcceptedReadings,
    long QuarantinedReadings,
    decimal RecentPeakKwh);
