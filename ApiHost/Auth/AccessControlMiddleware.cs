using Daarion.ApiHost.Problems;
using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// The policy enforcement point. Every routed request is mapped to an action; its caller is authenticated from the
/// bearer credential, or on Embassy webhook routes by its signature (WebhookAuthenticationMiddleware); 401
/// otherwise (routes open to anonymous callers decide on the anonymous subject when there is none). The PDP decides
/// on the action (403 with the decision's reason). The resource's team is the route's {teamId}. An internal service may relay its caller's credential in Daarion-On-Behalf-Of: the decision is then on
/// that original caller, not on the service.
/// </summary>
internal sealed class AccessControlMiddleware(RequestDelegate next, CallerAuthenticator authenticator, PolicyDecisionPoint pdp)
{
    public const string OnBehalfOfHeader = "Daarion-On-Behalf-Of";

    public async Task InvokeAsync(HttpContext context)
    {
        // Only mapped routes are RouteEndpoints; the framework's own (405 for a wrong method) are not.
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
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

        var resource = RequestPolicy.ResourceOf(context, endpoint);
        var caller = await AuthenticateAsync(context, endpoint);
        if (caller is not null && context.Request.Headers[OnBehalfOfHeader].Count > 0) caller = await RelayedCallerAsync(context, caller, resource);
        if (caller is null) return;

        var decision = await pdp.DecideAsync(new PolicyRequest(caller.Subject, action.Name, resource, RequestPolicy.ContextOf(context, caller)));
        if (!decision.Decision.Allowed)
        {
            await Denied(context, decision);
            return;
        }
        context.Features.Set(caller);
        await next(context);
    }

    // Null when the response (401) was written.
    private async Task<Caller?> AuthenticateAsync(HttpContext context, RouteEndpoint endpoint)
    {
        // A signed webhook was authenticated by its signature already, as its platform's embassy.
        if (context.Features.Get<Caller>() is { } verified) return verified;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0 && endpoint.Metadata.GetMetadata<AnonymousAccess>() is not null) return Caller.Anonymous;
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problem(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "A bearer token is required.");
            return null;
        }
        var authentication = await authenticator.AuthenticateAsync(header["Bearer ".Length..].Trim(), context.RequestAborted);
        if (authentication.Caller is { } caller) return caller;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await Problem(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, $"The bearer token is not valid: {authentication.Error}.");
        return null;
    }

    // The relaying service must be allowed to relay; then the relayed credential is the caller. Null when refused.
    private async Task<Caller?> RelayedCallerAsync(HttpContext context, Caller service, PolicyResource resource)
    {
        if (service.Subject.Kind != SubjectKind.Service)
        {
            await Problem(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, $"Only internal services may relay a caller in {OnBehalfOfHeader}.");
            return null;
        }
        var relay = await pdp.DecideAsync(new PolicyRequest(service.Subject, ActionCatalog.ServiceActOnBehalf, resource, RequestPolicy.ContextOf(context, service)));
        if (!relay.Decision.Allowed)
        {
            await Denied(context, relay);
            return null;
        }
        var relayed = context.Request.Headers[OnBehalfOfHeader].ToString();
        if (relayed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) relayed = relayed["Bearer ".Length..];
        var original = await authenticator.AuthenticateAsync(relayed.Trim(), context.RequestAborted);
        if (original.Caller is { } caller) return caller with { Via = service.Subject.Key };
        await Problem(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, $"The credential in {OnBehalfOfHeader} is not valid: {original.Error}.");
        return null;
    }

    private static Task Denied(HttpContext context, LoggedDecision decision) => RequestPolicy.Denied(decision).ExecuteAsync(context);

    private static Task Problem(HttpContext context, int status, string type, string detail) =>
        TypedResults.Problem(statusCode: status, type: type, detail: detail).ExecuteAsync(context);
}
