namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// The answer for one reading: its status, the reason when not accepted, the quarantine entry when held, and the kWh it
/// made payable (accepted) or holds (quarantined).
/// </summary>
public sealed record ReadingOutcome(ReadingStatus Status, ReadingReason? Reason = null, Guid? QuarantineId = null, decimal? Kwh = null)
{
    public static readonly ReadingOutcome Duplicate = new(ReadingStatus.Duplicate);
    public static readonly ReadingOutcome Unavailable = new(ReadingStatus.Failed, ReadingReason.Unavailable);

    public static ReadingOutcome Rejected(ReadingReason reason) => new(ReadingStatus.Rejected, reason);
}
