using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Events.Replay;

namespace Daarion.ApiHost.Events;

public static class ReplayApi
{
    /// <summary>/v1/admin/events/replays: feed a registered event handler its stream's events again (seed 42 §13).</summary>
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder routes)
    {
        var replays = routes.MapGroup("/v1/admin/events/replays").WithTags("Events");
        replays.MapPost("/", Start).RequiresAction(ActionCatalog.EventsReplayStart).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<ReplayStatus>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        replays.MapGet("/", (ReplayService service) => TypedResults.Ok(service.List())).RequiresAction(ActionCatalog.EventsReplayRead)
            .Produces<IReadOnlyList<ReplayStatus>>();
        replays.MapGet("/{replayId}", Get).RequiresAction(ActionCatalog.EventsReplayRead)
            .Produces<ReplayStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> Start(ReplayRequestBody body, HttpContext http, ReplayService service, CancellationToken cancellationToken)
    {
        if (!body.TryToRequest(out var request, out var error)) return LedgerProblems.Invalid(error!);
        try
        {
            var status = await service.StartAsync(request, cancellationToken);
            return TypedResults.Accepted($"/v1/admin/events/replays/{status.ReplayId}", status);
        }
        catch (ReplayRefusedException refused)
        {
            if (refused.Reason == ReplayRefusal.Unavailable) http.Response.Headers.RetryAfter = "2";
            return refused.Reason switch
            {
                ReplayRefusal.UnknownHandler => LedgerProblems.Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownEventHandler, refused.Message),
                ReplayRefusal.InvalidRequest => LedgerProblems.Invalid(refused.Message),
                _ => LedgerProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.EventsUnavailable, refused.Message),
            };
        }
    }

    private static IResult Get(string replayId, ReplayService service) =>
        service.Find(replayId) is { } status ? TypedResults.Ok(status) : LedgerProblems.NotFound($"Replay {replayId} is not known to this host.");
}
