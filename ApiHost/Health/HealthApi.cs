using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Daarion.ApiHost.Health;

public static class HealthApi
{
    /// <summary>/v1/health: the process is up. /v1/ready: PostgreSQL and NATS answer (503 problem otherwise).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").WithTags("Health");
        v1.MapGet("/health", () => TypedResults.Ok(new { status = "up" })).WithName("Health").RequiresAction(ActionCatalog.HealthRead).AllowAnonymousAccess();
        v1.MapGet("/ready", Ready).WithName("Ready").RequiresAction(ActionCatalog.HealthRead).AllowAnonymousAccess();
        return routes;
    }

    private static async Task<Results<Ok<ReadinessReport>, ProblemHttpResult>> Ready(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken);
        if (report.Ready) return TypedResults.Ok(report);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.NotReady,
            title: "A dependency is unavailable.",
            extensions: new Dictionary<string, object?> { ["checks"] = report });
    }
}
