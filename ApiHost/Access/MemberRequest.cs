namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/teams/{teamId}/members/{userId}: the role, and for visitors a viewer_type.</summary>
public sealed record MemberRequest(string? Role, string? ViewerType);
