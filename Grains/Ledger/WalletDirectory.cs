using System.Collections.Concurrent;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;

namespace Daarion.Grains.Ledger;

/// <summary>
/// Which wallets exist and their assets, cached: a wallet is never deleted and its asset never changes, so only
/// misses ask the wallet's grain.
/// </summary>
internal sealed class WalletDirectory(IGrainFactory grains, AssetRegistry assets)
{
    private readonly ConcurrentDictionary<Guid, WalletInfo> _known = new();

    public async ValueTask<WalletInfo?> FindAsync(Guid walletId)
    {
        if (_known.TryGetValue(walletId, out var info)) return info;
        var wallet = await grains.GetGrain<IWalletGrain>(WalletKey.Of(walletId)).Get();
        if (wallet is null) return null;
        var asset = await assets.FindAsync(wallet.Asset) ?? throw new InvalidOperationException($"Wallet {walletId} has asset {wallet.Asset}, which is not in the assets table.");
        info = new WalletInfo(walletId, wallet.Asset, asset.Scale, wallet.OwnerId, wallet.IsSystem);
        _known.TryAdd(walletId, info);
        return info;
    }
}
