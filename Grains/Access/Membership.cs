namespace Daarion.Grains.Access;

/// <summary>A user's place in a team: its role, its viewer type (visitors) and the team's plan.</summary>
internal sealed record Membership(Guid TeamId, string Role, string? ViewerType, string Plan);
