namespace Daarion.ApiHost.Auth;

/// <summary>Every action a route can be mapped to, with the scope that grants it. A route's action must be listed here.</summary>
public static class ActionCatalog
{
    public const string AssetRead = "wallet.asset.read";
    public const string AssetCreate = "wallet.asset.create";
    public const string WalletCreate = "wallet.create";
    public const string WalletRead = "wallet.read";
    public const string WalletAudit = "wallet.audit";
    public const string Transfer = "wallet.transfer";
    public const string Adjust = "wallet.adjust";
    public const string HoldCreate = "wallet.hold.create";
    public const string HoldRead = "wallet.hold.read";
    public const string HoldPost = "wallet.hold.post";
    public const string HoldVoid = "wallet.hold.void";
    public const string TransactionRead = "wallet.tx.read";
    public const string EventsReplayStart = "events.replay.start";
    public const string EventsReplayRead = "events.replay.read";

    public static readonly IReadOnlyDictionary<string, string> RequiredScope = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AssetRead] = Scopes.WalletRead,
        [AssetCreate] = Scopes.WalletAdmin,
        [WalletCreate] = Scopes.WalletWrite,
        [WalletRead] = Scopes.WalletRead,
        [WalletAudit] = Scopes.WalletRead,
        [Transfer] = Scopes.WalletWrite,
        [Adjust] = Scopes.WalletAdmin,
        [HoldCreate] = Scopes.WalletWrite,
        [HoldRead] = Scopes.WalletRead,
        [HoldPost] = Scopes.WalletWrite,
        [HoldVoid] = Scopes.WalletWrite,
        [TransactionRead] = Scopes.WalletRead,
        // Replays re-run handlers' side effects: an operator's action.
        [EventsReplayStart] = Scopes.WalletAdmin,
        [EventsReplayRead] = Scopes.WalletAdmin,
    };
}
