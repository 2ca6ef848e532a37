namespace Daarion.Grains.Access;

/// <summary>A bundle a role holds in its team, whatever the plan; with a viewer type, for visitors of that type only.</summary>
public sealed record RoleBundleView(string Role, string? ViewerType, string Bundle);
