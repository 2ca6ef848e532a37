using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Logins;

/// <summary>Body of POST /v1/auth/refresh.</summary>
public sealed record RefreshRequest([property: JsonPropertyName("refreshToken")] string? RefreshToken);
