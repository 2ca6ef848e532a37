namespace Daarion.Grains.Access;

/// <summary>A bundle the plan gives members of a role.</summary>
public sealed record PlanEntitlementView(string Role, string Bundle);
