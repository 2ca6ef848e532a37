namespace Daarion.Grains.Ledger;

/// <summary>The kinds of <c>ledger_commit</c> operations, as named in SQL.</summary>
internal static class OperationKind
{
    public const string Transfer = "transfer";
    public const string Adjustment = "adjustment";
    public const string HoldPost = "hold_post";
    public const string HoldCreate = "hold_create";
    public const string HoldVoid = "hold_void";
    public const string HoldExpire = "hold_expire";
    public const string WalletCreate = "wallet_create";
    public const string AssetCreate = "asset_create";

    /// <summary>Only the idempotency record of a refused request.</summary>
    public const string Rejection = "rejection";
}
