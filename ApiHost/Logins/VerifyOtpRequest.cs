namespace Daarion.ApiHost.Logins;

/// <summary>Body of POST /v1/auth/email/verify-otp.</summary>
public sealed record VerifyOtpRequest(string? Email, string? Code);
