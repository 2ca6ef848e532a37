using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Grains.Energy;

/// <summary>
/// What the rules decided for one reading: its status and reason, the kWh it makes payable now (accepted) or holds
/// (quarantined), and for a quarantine the sentence an operator reads.
/// </summary>
internal readonly record struct MeterDecision(ReadingStatus Status, ReadingReason? Reason, decimal Kwh, string? Detail)
{
    public static MeterDecision Duplicate => new(ReadingStatus.Duplicate, null, 0, null);

    public static MeterDecision Accept(decimal kwh) => new(ReadingStatus.Accepted, null, kwh, null);

    public static MeterDecision Reject(ReadingReason reason) => new(ReadingStatus.Rejected, reason, 0, null);

    public static MeterDecision Quarantine(ReadingReason reason, decimal heldKwh, string detail) => new(ReadingStatus.Quarantined, reason, heldKwh, detail);
}
