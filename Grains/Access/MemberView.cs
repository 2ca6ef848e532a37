namespace Daarion.Grains.Access;

/// <summary>A member of a team: their role and, for visitors, their viewer type.</summary>
public sealed record MemberView(Guid UserId, string Role, string? ViewerType, DateTimeOffset JoinedAt);
