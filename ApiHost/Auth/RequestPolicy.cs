using Daarion.ApiHost.Problems;
using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// What the PEP tells the PDP about a request: the resource (the route, its last parameter, the {teamId} it is in)
/// and the context recorded in the decision log. Handlers use <see cref="DenialAsync"/> for decisions that depend on
/// more than the route (e.g. only owners may make owners).
/// </summary>
public static class RequestPolicy
{
    public static PolicyResource ResourceOf(HttpContext context, RouteEndpoint endpoint)
    {
        var values = context.Request.RouteValues;
        Guid? team = values.TryGetValue("teamId", out var teamId) && Guid.TryParse(teamId as string, out var id) ? id : null;
        var last = endpoint.RoutePattern.Parameters.LastOrDefault();
        return new PolicyResource(endpoint.RoutePattern.RawText ?? "", last is null ? null : values[last.Name] as string, team);
    }

    public static PolicyContext ContextOf(HttpContext context, Caller caller)
    {
        var request = context.Request;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = request.Method,
            ["path"] = request.Path.Value ?? "",
            ["request_id"] = context.TraceIdentifier,
        };
        if (request.QueryString.HasValue) attributes["query"] = request.QueryString.Value!;
        if (context.Connection.RemoteIpAddress is { } ip) attributes["ip"] = ip.ToString();
        return new PolicyContext(caller.Via, attributes);
    }

    /// <summary>The caller the PEP authenticated for this request.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The access control middleware did not run for this route.");

    /// <summary>Asks the PDP about a further action on this request's resource; the 403 to answer, or null when allowed.</summary>
    public static async Task<IResult?> DenialAsync(HttpContext context, string action)
    {
        var caller = CallerOf(context);
        var pdp = context.RequestServices.GetRequiredService<PolicyDecisionPoint>();
        var resource = context.GetEndpoint() is RouteEndpoint endpoint ? ResourceOf(context, endpoint) : new PolicyResource(context.Request.Path.Value ?? "");
        var decision = await pdp.DecideAsync(new PolicyRequest(caller.Subject, action, resource, ContextOf(context, caller)));
        return decision.Decision.Allowed ? null : Denied(decision);
    }

    public static IResult Denied(LoggedDecision decision) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, detail: decision.Decision.Summary, extensions: new Dictionary<string, object?>
        {
            ["decision_id"] = decision.DecisionId,
            ["policy_version"] = decision.Decision.PolicyVersion,
        });
}
