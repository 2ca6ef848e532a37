using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/plans/{plan}: its description and all its entitlements (role × bundle).</summary>
public sealed record PlanRequest(string? Description, IReadOnlyList<PlanEntitlementRequest?>? Entitlements)
{
    public bool TryToEntitlements(out IReadOnlyList<PlanEntitlementView> entitlements, out string? error)
    {
        entitlements = [.. (Entitlements ?? []).Select(e => new PlanEntitlementView(e?.Role!, e?.Bundle!))];
        error = entitlements.Any(e => e.Role is null || e.Bundle is null) ? "Every entitlement needs a role and a bundle." : null;
        return error is null;
    }
}
