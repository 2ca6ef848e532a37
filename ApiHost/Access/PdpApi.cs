using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;
using Microsoft.AspNetCore.Mvc;

namespace Daarion.ApiHost.Access;

public static class PdpApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>
    /// POST /v1/pdp/explain: what the PDP would decide and why (admins). GET /v1/pdp/decisions: the decision log,
    /// newest first (admins); the same at /internal/v1/pdp/decisions for services holding service.read.internal_logs.
    /// </summary>
    public static IEndpointRouteBuilder MapPdpApi(this IEndpointRouteBuilder routes)
    {
        var pdp = routes.MapGroup("/v1/pdp").WithTags("PDP");
        pdp.MapPost("/explain", Explain).RequiresAction(ActionCatalog.PdpExplain);
        pdp.MapGet("/decisions", Decisions).RequiresAction(ActionCatalog.PdpDecisionsRead);
        routes.MapGroup("/internal/v1/pdp").WithTags("Internal").MapGet("/decisions", Decisions).RequiresAction(ActionCatalog.ServiceReadInternalLogs);
        return routes;
    }

    private static async Task<IResult> Explain(ExplainRequest body, PolicyDecisionPoint pdp)
    {
        if (!body.TryToRequest(out var request, out var error)) return RegistryProblems.Invalid(error!);
        return TypedResults.Ok(await pdp.ExplainAsync(request));
    }

    private static async Task<IResult> Decisions(
        [FromQuery(Name = "subject_kind")] string? subjectKind,
        [FromQuery(Name = "subject_id")] string? subjectId,
        string? action,
        bool? allowed,
        [FromQuery(Name = "team_id")] Guid? teamId,
        string? cursor,
        int? limit,
        DecisionLogStore log,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize) return RegistryProblems.Invalid($"limit must be between 1 and {MaxPageSize}.");
        Guid? before = null;
        if (cursor is not null)
        {
            if (!Guid.TryParseExact(cursor, "D", out var id)) return RegistryProblems.Invalid("cursor must be a next_cursor value from an earlier page.");
            before = id;
        }
        return TypedResults.Ok(await log.QueryAsync(new DecisionQuery(subjectKind, subjectId, action, allowed, teamId, before, limit ?? DefaultPageSize), cancellationToken));
    }
}
