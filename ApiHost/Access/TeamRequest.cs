namespace Daarion.ApiHost.Access;

/// <summary>Body of POST /v1/teams: name, plan (default free), mode public (default) or confidential.</summary>
public sealed record TeamRequest(string? Name, string? Plan, string? Mode);
