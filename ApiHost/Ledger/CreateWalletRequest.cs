using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/wallets: a client-chosen wallet id (so a retried create cannot make two wallets), the asset and the owner.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWalletRequest(string? WalletId, string? Asset, string? OwnerId, string? OverdraftLimit)
{
    internal bool TryToWallet(out NewWallet wallet, out string? error)
    {
        error = null;
        RequestFields.TryId(WalletId, "wallet_id", out var id, ref error);
        RequestFields.TryText(Asset, "asset", 16, out var asset, ref error);
        RequestFields.TryText(OwnerId, "owner_id", 200, out var owner, ref error);
        decimal overdraft = 0;
        if (OverdraftLimit is not null) RequestFields.TryAmount(OverdraftLimit, "overdraft_limit", signed: false, out overdraft, ref error);
        wallet = new NewWallet(id, asset, owner, overdraft);
        return error is null;
    }
}
