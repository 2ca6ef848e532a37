using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Mail;
using Daarion.ApiHost.Problems;
using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;
using Daarion.Grains.Interfaces.Logins;
using Daarion.Grains.Logins;
using Daarion.Silo;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Logins;

public static class AuthApi
{
    /// <summary>
    /// /v1/auth (MachPay §7.2): Sign-In with Ethereum (challenge, then login with the signed message), email one-time
    /// codes (send, verify), refresh, logout, and who am I. A login answers an access token (JWT, HS256, naming its
    /// session) and a refresh token; the user is created on its first login.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/v1/auth").WithTags("Auth").WithMetadata(RequestSizeLimit.Ledger);
        auth.MapPost("/challenge", Challenge).RequiresAction(ActionCatalog.AuthChallenge).AllowAnonymousAccess();
        auth.MapPost("/login/wallet", WalletLogin).RequiresAction(ActionCatalog.AuthWalletLogin).AllowAnonymousAccess();
        auth.MapPost("/email/send-otp", SendOtp).RequiresAction(ActionCatalog.AuthSendOtp).AllowAnonymousAccess();
        auth.MapPost("/email/verify-otp", VerifyOtp).RequiresAction(ActionCatalog.AuthVerifyOtp).AllowAnonymousAccess();
        auth.MapPost("/refresh", Refresh).RequiresAction(ActionCatalog.AuthRefresh).AllowAnonymousAccess();
        auth.MapPost("/logout", Logout).RequiresAction(ActionCatalog.AuthLogout);
        auth.MapGet("/whoami", (HttpContext http) =>
        {
            var caller = RequestPolicy.CallerOf(http);
            return TypedResults.Ok(new WhoAmI(caller.Subject.KindName, caller.Subject.Id, caller.Principal, caller.Subject.Scopes, caller.Via, caller.SessionId));
        }).RequiresAction(ActionCatalog.AuthWhoAmI);
        return routes;
    }

    private static async Task<IResult> Challenge(ChallengeRequest body, WalletChallenges challenges, CancellationToken cancellationToken)
    {
        if (!EthereumAddress.TryParse(body.Address, out var address)) return LedgerProblems.Invalid("address must be an Ethereum address (0x and 40 hex digits).");
        var challenge = await challenges.IssueAsync(address.ToString(), cancellationToken);
        return TypedResults.Ok(new ChallengeResponse(challenge.Nonce, challenge.ExpiresAt.ToUnixTimeSeconds()));
    }

    private static async Task<IResult> WalletLogin(WalletLoginRequest body, WalletChallenges challenges, SiweVerifier verifier, LoginUsers users, LoginIssuer issuer,
        IOptions<LoginOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Address is null || body.Signature is null || body.Message is null) return LedgerProblems.Invalid("address, signature and message are required.");
        if (!SiweMessageParser.TryParse(body.Message, out var message, out var parseError)) return Failed($"The message is not an EIP-4361 sign-in message ({parseError}).");
        // The nonce is used up now, whatever the outcome: a signed message is good for one try.
        var challenge = await challenges.ConsumeAsync(message.Nonce, cancellationToken);
        if (challenge is null) return Failed("The nonce is unknown or was used already; ask for a new challenge.");
        if (challenge.ExpiresAt <= time.GetUtcNow()) return Failed("The nonce expired; ask for a new challenge.");
        if (!EthereumAddress.TryParse(body.Address, out var address) || address != message.Address || challenge.Address != address.ToString().ToLowerInvariant())
        {
            return Failed("The address, the message's address and the address the nonce was issued to must be the same.");
        }
        var siwe = options.Value.Siwe;
        var result = verifier.Verify(body.Message, body.Signature, new SiweVerificationOptions
        {
            Domain = siwe.Domain,
            Nonce = challenge.Nonce,
            Uri = siwe.Uri,
            ChainId = siwe.ChainId,
            MaxAge = options.Value.ChallengeLifetime,
        });
        if (!result.IsValid) return Failed($"The sign-in message was refused: {result.Failure}.");
        var user = await users.ByWalletAsync(address.ToString(), cancellationToken);
        return TypedResults.Ok(await issuer.StartAsync(user, "wallet", cancellationToken));
    }

    private static async Task<IResult> SendOtp(SendOtpRequest body, IGrainFactory grains, MailQueue mail, ILogger<MailQueue> logger, IOptions<LoginOptions> options)
    {
        if (!Emails.TryNormalize(body.Email, out var email)) return LedgerProblems.Invalid("email must be an email address.");
        // Nothing here looks at whether the address has an account: every address takes the same path (ASVS 6.3.8).
        var issue = await grains.GetGrain<IEmailLoginGrain>(email).Issue();
        if (issue.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.RateLimited,
                detail: $"At most {options.Value.OtpSendsPerHour} codes are sent to an address per hour; try again in {seconds} s.",
                extensions: new Dictionary<string, object?> { ["retry_after"] = seconds });
        }
        var minutes = (int)options.Value.OtpLifetime.TotalMinutes;
        var sent = new OutgoingMail(email, "Your DAARION sign-in code",
            $"Your sign-in code is {issue.Code}. It works once, for {minutes} minutes.\nIf you did not ask for it, ignore this mail.");
        if (!mail.TryAdd(sent)) Log.MailDropped(logger, sent.Subject);
        return TypedResults.Json(new SendOtpResponse(true, (long)options.Value.OtpLifetime.TotalSeconds), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> VerifyOtp(VerifyOtpRequest body, IGrainFactory grains, LoginUsers users, LoginIssuer issuer, CancellationToken cancellationToken)
    {
        if (!Emails.TryNormalize(body.Email, out var email)) return LedgerProblems.Invalid("email must be an email address.");
        if (body.Code is not { Length: 6 } code || !code.All(char.IsAsciiDigit)) return LedgerProblems.Invalid("code must be the 6 digits of the mail.");
        if (!await grains.GetGrain<IEmailLoginGrain>(email).Verify(code)) return Failed("The code is not valid for this address: wrong, expired, used, or out of tries.");
        var user = await users.ByEmailAsync(email, cancellationToken);
        return TypedResults.Ok(await issuer.StartAsync(user, "email", cancellationToken));
    }

    private static async Task<IResult> Refresh(RefreshRequest body, LoginSessions sessions, LoginIssuer issuer, CancellationToken cancellationToken)
    {
        if (body.RefreshToken is null) return LedgerProblems.Invalid("refreshToken is required.");
        var (tokens, error) = await sessions.RefreshAsync(body.RefreshToken, cancellationToken);
        return tokens is null ? Failed($"The refresh was refused: {error}.") : TypedResults.Ok(issuer.Issue(tokens, null));
    }

    private static async Task<IResult> Logout(HttpContext http, LoginSessions sessions, CancellationToken cancellationToken)
    {
        var caller = RequestPolicy.CallerOf(http);
        if (caller.SessionId is not { } session || caller.UserId is not { } user) return LedgerProblems.Invalid("This credential has no login session to end.");
        await sessions.EndAsync(session, user, cancellationToken);
        return TypedResults.NoContent();
    }

    private static IResult Failed(string detail) =>
        LedgerProblems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.LoginFailed, detail);
}
