using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Logins;

/// <summary>
/// A login's answer: <c>{token, user}</c> as MachPay §7.2 gives it, plus the refresh token (shown once) and when the
/// access token expires (Unix seconds). Refresh answers the same without the user.
/// </summary>
public sealed record LoginResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("refreshToken")] string RefreshToken,
    [property: JsonPropertyName("expiresAt")] long ExpiresAt,
    [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LoginUser? User)
{
    /// <summary>Redacted: the tokens are for the client only.</summary>
    public override string ToString() => $"{{ User = {User} }}";
}
