namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/teams/{teamId}/plan.</summary>
public sealed record PlanChangeRequest(string? Plan);
