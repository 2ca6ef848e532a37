namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Stable codes of refused admin writes (sites, device keys, platform secrets, quarantine decisions).</summary>
public enum EnergyErrorCode
{
    SiteExists,
    SiteNotFound,
    NoMeter,
    DeviceKeyExists,
    DeviceKeyNotFound,
    LastRequiredKey,
    QuarantineNotFound,
    QuarantineNotPending,
    IdempotencyConflict,
}
