namespace Daarion.ApiHost.Auth;

/// <summary>Who is calling, as the bearer token says: its subject and the scopes it was granted.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);
}
