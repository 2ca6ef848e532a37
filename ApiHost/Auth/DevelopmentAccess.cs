namespace Daarion.ApiHost.Auth;

/// <summary>Whether the host runs with the generated development secret (then ./run prints a token for it).</summary>
public sealed record DevelopmentAccess(bool Enabled);
