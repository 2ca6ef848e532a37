namespace Daarion.ApiHost.Logins;

/// <summary>Who the caller is authenticated as: the subject decisions are made on, and the service that relayed it.</summary>
public sealed record WhoAmI(string Kind, string Id, string Principal, string Scopes, string? Via, Guid? SessionId);
