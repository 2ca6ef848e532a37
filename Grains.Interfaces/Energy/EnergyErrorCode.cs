namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Stable codes of refused admin writes (sites, platform secrets, quarantine decisions).</summary>
public enum EnergyErrorCode
{
    SiteExists,
    QuarantineNotFound,
    QuarantineNotPending,
    IdempotencyConflict,
}
