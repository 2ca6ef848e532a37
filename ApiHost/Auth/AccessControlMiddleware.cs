using Daarion.ApiHost.Problems;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// The policy enforcement point: every routed request is either public or mapped to an action; the caller is
/// authenticated from its bearer token, or by its webhook signature on Embassy routes (401 otherwise), and the
/// action decided by the policy (403 with the reason).
/// </summary>
internal sealed class AccessControlMiddleware(RequestDelegate next, JwtValidator tokens, ScopeAccessPolicy policy)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Only mapped routes are RouteEndpoints; the framework's own (405 for a wrong method) are not, and need no token.
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        if (endpoint is null || endpoint.Metadata.GetMetadata<AnonymousAccess>() is not null)
        {
            await next(context);
            return;
        }
        if (endpoint.Metadata.GetMetadata<EndpointAction>() is not { } action)
        {
            // Start-up refuses unmapped routes; this is the same rule at request time.
            await Problem(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "This route is not mapped to an action, so it is denied.");
            return;
        }

        // Signed webhooks were authenticated by their signature already (WebhookAuthenticationMiddleware); the rest by a bearer token.
        if (context.Features.Get<Caller>() is not { } caller)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problem(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "A bearer token is required.");
                return;
            }
            if (!tokens.TryValidate(header["Bearer ".Length..].Trim(), out caller, out var error))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await Problem(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, $"The bearer token is not valid: {error}.");
                return;
            }
        }

        var decision = policy.Decide(caller, action.Name);
        if (!decision.Allowed)
        {
            await Problem(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, decision.Reason);
            return;
        }
        context.Features.Set(caller);
        await next(context);
    }

    private static Task Problem(HttpContext context, int status, string type, string detail) =>
        TypedResults.Problem(statusCode: status, type: type, detail: detail).ExecuteAsync(context);
}
