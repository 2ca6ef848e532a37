using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;
using Daarion.Grains.Logins;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// Turns a bearer credential into a caller: our keys (dak_ access keys, dek_ embassy keys, dsk_ internal service keys)
/// by their prefix, anything else as a JWT, whose login session must not have been revoked.
/// </summary>
public sealed class CallerAuthenticator(JwtValidator tokens, ApiKeyDirectory keys, SessionRevocations sessions)
{
    public async ValueTask<Authentication> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        if (ApiKeyTokens.LooksLikeKey(credential))
        {
            var key = await keys.AuthenticateAsync(credential, cancellationToken);
            return key.Subject is { } subject ? new Authentication(new Caller(subject, subject.Key), null) : Authentication.Fail(key.Error!);
        }
        if (!tokens.TryValidate(credential, out var claims, out var error)) return Authentication.Fail(error);
        if (claims.SessionId is { } session && await sessions.IsRevokedAsync(session, cancellationToken)) return Authentication.Fail("the token's session was ended (logout)");
        return new Authentication(new Caller(new PolicySubject(SubjectKind.User, claims.Subject, claims.Scopes), claims.Subject, claims.SessionId), null);
    }
}
