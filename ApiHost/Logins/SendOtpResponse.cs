using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Logins;

/// <summary>The same answer for every address: a code is on its way, valid this many seconds.</summary>
public sealed record SendOtpResponse(
    [property: JsonPropertyName("sent")] bool Sent,
    [property: JsonPropertyName("expiresIn")] long ExpiresIn);
