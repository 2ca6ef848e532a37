using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// One site (key: its site_id) and its meter: the single writer of the site's readings, quarantine, energy
/// (site_energy) and inventory (rwa_inventory). Readings apply one batch at a time, strictly in order; each call
/// commits at most one state write, with its outbox events and rows, in one transaction (docs/ENERGY.md).
/// </summary>
public interface ISiteMeterGrain : IGrainWithStringKey
{
    /// <summary>The site with its meter and progress, or null when no such site exists.</summary>
    [ReadOnly]
    Task<SiteView?> Get();

    /// <summary>Creates the site (rows in sites, site_meters, site_device_keys); refused when it exists.</summary>
    Task<EnergyResult<SiteView>> Register(SiteRegistration registration, WriteKey key);

    /// <summary>
    /// Adds a device key to the site's meter: readings signed with it verify from the next call on. Refused when the
    /// site has no meter or the key id was ever used for this site (revoked keys included).
    /// </summary>
    Task<EnergyResult<SiteView>> AddDeviceKey(DeviceKey deviceKey, WriteKey key);

    /// <summary>
    /// Revokes one of the meter's keys: readings signed with it are refused (unknown_key) from the next call on.
    /// Refused for the last key of a meter that requires signatures.
    /// </summary>
    Task<EnergyResult<SiteView>> RevokeDeviceKey(string keyId, WriteKey key);

    /// <summary>Sets which platforms' webhooks may report for the site (null: any verified platform), from the next call on.</summary>
    Task<EnergyResult<SiteView>> SetPlatforms(IReadOnlyList<string>? platforms, WriteKey key);

    /// <summary>Applies readings in the order given; one outcome per reading, in the same order.</summary>
    Task<IReadOnlyList<ReadingOutcome>> Ingest(ReadingBatch batch);

    /// <summary>Applies a food or water stock report.</summary>
    Task<InventoryOutcome> ReportInventory(InventoryReport report);

    /// <summary>Releases or rejects one of this site's quarantined readings, once.</summary>
    Task<EnergyResult<QuarantineView>> Resolve(QuarantineDecision decision);
}
