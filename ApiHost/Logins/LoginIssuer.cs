using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;
using Daarion.Grains.Logins;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Logins;

/// <summary>
/// Starts a session for a signed-in user and answers its tokens: an access token (sub = the user id, sid = the
/// session, no scopes: what the user may do is the registry's to say) that never outlives its session, and the
/// session's refresh token.
/// </summary>
public sealed class LoginIssuer(LoginSessions sessions, JwtIssuer jwt, IOptions<LoginOptions> options, TimeProvider time)
{
    public async Task<LoginResponse> StartAsync(UserView user, string method, CancellationToken cancellationToken) =>
        Issue(await sessions.StartAsync(user.UserId, method, cancellationToken), LoginUser.From(user));

    public LoginResponse Issue(SessionTokens tokens, LoginUser? user)
    {
        var now = time.GetUtcNow();
        var expires = Min(now + options.Value.AccessTokenLifetime, tokens.ExpiresAt);
        var token = jwt.Issue(tokens.UserId.ToString(), [], expires - now, tokens.SessionId);
        return new LoginResponse(token, tokens.RefreshToken, expires.ToUnixTimeSeconds(), user);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
