using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// Mints HS256 tokens in the wallet seed's shape (sub, aud, exp, scope), e.g. the development token ./run prints, and
/// the access tokens of logins, which name their session (sid) so that logout revokes them.
/// </summary>
public sealed class JwtIssuer(JwtOptions options, TimeProvider time)
{
    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    public string Issue(string subject, IEnumerable<string> scopes, TimeSpan lifetime, Guid? sessionId = null)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["aud"] = options.Audience,
            ["scope"] = string.Join(' ', scopes),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        };
        if (sessionId is { } sid) claims["sid"] = sid.ToString();
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims);
        var signingInput = Header + "." + Base64Url.EncodeToString(payload);
        var signature = HMACSHA256.HashData(options.Secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
