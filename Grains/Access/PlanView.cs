namespace Daarion.Grains.Access;

/// <summary>A team plan and the bundles it entitles each role to.</summary>
public sealed record PlanView(string Plan, string Description, IReadOnlyList<PlanEntitlementView> Entitlements);
