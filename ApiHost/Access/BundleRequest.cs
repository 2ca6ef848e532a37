using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/bundles/{bundle}: its description and all its capabilities (replacing the old ones).</summary>
public sealed record BundleRequest(string? Description, IReadOnlyList<BundleCapRequest?>? Capabilities)
{
    public bool TryToCaps(out IReadOnlyList<BundleCap> caps, out string? error)
    {
        caps = [.. (Capabilities ?? []).Select(c => new BundleCap(c?.Capability!, c?.Effect ?? GrantEffects.Allow))];
        error = caps.Any(c => c.Capability is null) ? "Every entry of capabilities needs a capability." : null;
        return error is null;
    }
}
