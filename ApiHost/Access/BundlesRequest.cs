namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/scopes/{scope}/bundles and /kinds/{kind}/bundles: the bundles held (replacing the old ones).</summary>
public sealed record BundlesRequest(IReadOnlyList<string?>? Bundles)
{
    public bool TryToBundles(out IReadOnlyList<string> bundles, out string? error)
    {
        bundles = [.. (Bundles ?? []).Select(b => b!)];
        error = bundles.Any(b => b is null) ? "bundles must be a list of bundle names." : null;
        return error is null;
    }
}
