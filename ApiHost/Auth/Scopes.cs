namespace Daarion.ApiHost.Auth;

/// <summary>
/// The JWT scopes of the wallet seed, and platform:admin. Each holds bundles of the registry (scope_bundles):
/// wallet:admin also holds what wallet:read and wallet:write do.
/// </summary>
public static class Scopes
{
    public const string WalletRead = "wallet:read";
    public const string WalletWrite = "wallet:write";
    public const string WalletAdmin = "wallet:admin";
    public const string PlatformAdmin = "platform:admin";

    public static readonly IReadOnlyList<string> All = [WalletRead, WalletWrite, WalletAdmin, PlatformAdmin];
}
