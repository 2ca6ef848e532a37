namespace Daarion.ApiHost.Access;

/// <summary>Body of POST /v1/registry/users: a user provisioned by an operator (logins create users too).</summary>
public sealed record UserRequest(string? Email, string? WalletAddress);
