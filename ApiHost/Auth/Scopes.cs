namespace Daarion.ApiHost.Auth;

/// <summary>The scopes of the wallet seed. wallet:admin also grants everything wallet:read and wallet:write do.</summary>
public static class Scopes
{
    public const string WalletRead = "wallet:read";
    public const string WalletWrite = "wallet:write";
    public const string WalletAdmin = "wallet:admin";

    public static readonly IReadOnlyList<string> All = [WalletRead, WalletWrite, WalletAdmin];
}
