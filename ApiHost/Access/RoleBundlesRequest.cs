using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/roles/{role}/bundles: everything the role holds in its team whatever the plan.</summary>
public sealed record RoleBundlesRequest(IReadOnlyList<RoleBundleRequest?>? Bundles)
{
    public bool TryToBundles(string role, out IReadOnlyList<RoleBundleView> bundles, out string? error)
    {
        bundles = [.. (Bundles ?? []).Select(b => new RoleBundleView(role, b?.ViewerType, b?.Bundle!))];
        error = bundles.Any(b => b.Bundle is null) ? "Every entry of bundles needs a bundle." : null;
        return error is null;
    }
}
