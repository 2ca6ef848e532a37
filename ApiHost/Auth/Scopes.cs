namespace Daarion.ApiHost.Auth;

/// <summary>
/// The JWT scopes of the wallet seed, of meter ingestion (energy:*), and platform:admin. Each holds bundles of the
/// registry (scope_bundles): wallet:admin also holds what wallet:read and wallet:write do, energy:admin what energy:read does.
/// </summary>
public static class Scopes
{
    public const string WalletRead = "wallet:read";
    public const string WalletWrite = "wallet:write";
    public const string WalletAdmin = "wallet:admin";
    public const string PlatformAdmin = "platform:admin";
    public const string EnergyRead = "energy:read";
    public const string EnergyWrite = "energy:write";
    public const string EnergyAdmin = "energy:admin";

    public static readonly IReadOnlyList<string> All = [WalletRead, WalletWrite, WalletAdmin, EnergyRead, EnergyWrite, EnergyAdmin, PlatformAdmin];
}
