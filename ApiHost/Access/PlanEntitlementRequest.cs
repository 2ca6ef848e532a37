namespace Daarion.ApiHost.Access;

/// <summary>A bundle a plan gives members of a role.</summary>
public sealed record PlanEntitlementRequest(string? Role, string? Bundle);
