namespace Daarion.ApiHost.Access;

/// <summary>The subject asked about: kind (user, access_key, embassy, service, anonymous), id, and a user's JWT scopes.</summary>
public sealed record ExplainSubject(string? Kind, string? Id, string? Scopes);
