namespace Daarion.ApiHost.Auth;

/// <summary>What a valid bearer JWT says: its subject, its scopes (canonical form), when it expires, its login session.</summary>
public sealed record TokenClaims(string Subject, string Scopes, DateTimeOffset ExpiresAt, Guid? SessionId);
