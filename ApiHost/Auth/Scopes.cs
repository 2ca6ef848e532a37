namespace Daarion.ApiHost.Auth;

/// <summary>
/// The scopes of the wallet seed (wallet:admin also grants everything wallet:read and wallet:write do), of meter
/// ingestion (energy:*), and the one a verified Embassy platform acts with (embassy:webhook, never in a token).
/// </summary>
public static class Scopes
{
    public const string WalletRead = "wallet:read";
    public const string WalletWrite = "wallet:write";
    public const string WalletAdmin = "wallet:admin";
    public const string EnergyRead = "energy:read";
    public const string EnergyWrite = "energy:write";
    public const string EnergyAdmin = "energy:admin";
    public const string EmbassyWebhook = "embassy:webhook";

    public static readonly IReadOnlyList<string> All = [WalletRead, WalletWrite, WalletAdmin, EnergyRead, EnergyWrite, EnergyAdmin];
}
