namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Stable codes of refused admin writes (sites, platform secrets, quarantine decisions).</summary>
public enum EnergyErrorCode
{
    InvalidRequest,
    SiteExists,
    UnknownSite,
    QuarantineNotFound,
    QuarantineNotPending,
    IdempotencyConflict,

    /// <summary>The database or the grain was unavailable; nothing was saved under the key, so retry with it.</summary>
    Unavailable,
}
