namespace Daarion.ApiHost.Logins;

/// <summary>Body of POST /v1/auth/challenge (MachPay §7.2): the Ethereum address that will sign in.</summary>
public sealed record ChallengeRequest(string? Address);
