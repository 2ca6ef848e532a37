namespace Daarion.ApiHost.Access;

/// <summary>A bundle a role holds; with a viewer_type, for visitors of that type only.</summary>
public sealed record RoleBundleRequest(string? Bundle, string? ViewerType);
