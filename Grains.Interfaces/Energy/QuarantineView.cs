namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// A quarantined reading: why, the reading itself (value normalized to kWh), the kWh a release would make payable,
/// where it came from, and its resolution.
/// </summary>
public sealed record QuarantineView(
    Guid QuarantineId,
    string SiteId,
    ReadingReason Reason,
    string Detail,
    long? Seq,
    DateTimeOffset ReadingTs,
    decimal ValueKwh,
    decimal HeldKwh,
    string Source,
    DateTimeOffset ReceivedAt,
    QuarantineStatus Status,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy);
