namespace Daarion.ApiHost.Auth;

/// <summary>Allow or deny, with the reason (shown in a 403 problem).</summary>
public sealed record AccessDecision(bool Allowed, string Reason);
