namespace Daarion.Grains.Energy;

/// <summary>The names admin writes save their answers under (energy_idempotency.operation): a key answers one operation.</summary>
internal static class EnergyOperations
{
    public const string RegisterSite = "site.register";
    public const string AddDeviceKey = "site.device_key.add";
    public const string RevokeDeviceKey = "site.device_key.revoke";
    public const string SetPlatforms = "site.platforms.set";
    public const string ResolveQuarantine = "quarantine.resolve";
    public const string AddSecret = "embassy.secret.add";
}
