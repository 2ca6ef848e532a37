using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Ledger;

/// <summary>
/// The assets and their scales, cached: assets never change and are never removed, so a hit is always right; a miss
/// re-reads the table once, in case another silo added the asset.
/// </summary>
public sealed class AssetRegistry(LedgerStore store)
{
    private volatile IReadOnlyDictionary<string, AssetView>? _assets;

    public async ValueTask<AssetView?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        if (_assets is { } cached && cached.TryGetValue(code, out var asset)) return asset;
        return (await LoadAsync(cancellationToken)).GetValueOrDefault(code);
    }

    public async Task<IReadOnlyList<AssetView>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await LoadAsync(cancellationToken)).Values.OrderBy(a => a.Code, StringComparer.Ordinal)];

    private async Task<IReadOnlyDictionary<string, AssetView>> LoadAsync(CancellationToken cancellationToken)
    {
        var assets = (await store.ReadAssetsAsync(cancellationToken)).ToDictionary(a => a.Code, StringComparer.Ordinal);
        _assets = assets;
        return assets;
    }
}
