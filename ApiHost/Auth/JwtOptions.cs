namespace Daarion.ApiHost.Auth;

/// <summary>
/// Bearer tokens: HS256 with JWT_SECRET, audience JWT_AUDIENCE (default "agentic-commerce", as in the wallet seed's
/// quick example, so its token works as is).
/// </summary>
public sealed class JwtOptions
{
    public const string DefaultAudience = "agentic-commerce";

    public required byte[] Secret { get; init; }

    public string Audience { get; init; } = DefaultAudience;

    /// <summary>Tolerance for exp and nbf between this host's clock and the issuer's.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);
}
