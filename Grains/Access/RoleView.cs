namespace Daarion.Grains.Access;

/// <summary>A team role (owner, guardian, member, visitor); rank 1 is the highest.</summary>
public sealed record RoleView(string Role, int Rank, string Description);
