namespace Daarion.ApiHost.Logins;

/// <summary>Body of POST /v1/auth/email/send-otp.</summary>
public sealed record SendOtpRequest(string? Email);
