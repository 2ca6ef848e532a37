using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Energy;

public static class OracleApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>A batch of 10,000 readings with signatures is about 2.5 MB of JSON; 8 MiB leaves room.</summary>
    private static readonly RequestSizeLimit BatchSize = new(8 * 1024 * 1024);

    /// <summary>/v1/oracle: batch ingestion for meter fleets, and the quarantine operators release or reject from.</summary>
    public static IEndpointRouteBuilder MapOracleApi(this IEndpointRouteBuilder routes)
    {
        var oracle = routes.MapGroup("/v1/oracle").WithTags("Oracle");
        oracle.MapPost("/readings:batch", Ingest).RequiresAction(ActionCatalog.ReadingIngest).WithMetadata(BatchSize)
            .Produces<ReadingBatchResponse>().ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        oracle.MapGet("/quarantine", List).RequiresAction(ActionCatalog.QuarantineRead)
            .Produces<QuarantinePage>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        oracle.MapPost("/quarantine/{quarantineId}/release", (string quarantineId, HttpContext http, EnergyService energy) => Resolve(quarantineId, release: true, http, energy))
            .RequiresAction(ActionCatalog.QuarantineResolve).Produces<QuarantineView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        oracle.MapPost("/quarantine/{quarantineId}/reject", (string quarantineId, HttpContext http, EnergyService energy) => Resolve(quarantineId, release: false, http, energy))
            .RequiresAction(ActionCatalog.QuarantineResolve).Produces<QuarantineView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> Ingest(HttpContext http, EnergyService energy, IOptions<OracleOptions> options)
    {
        if (!http.Request.HasJsonContentType()) return LedgerProblems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.BadRequest, "The batch must be sent as application/json.");
        var body = await RequestBody.ReadAsync(http);
        if (BatchDocument.Read(body, options.Value.MaxBatchReadings, out var error) is not { } batch) return LedgerProblems.Invalid(error!);
        var caller = RequestPolicy.CallerOf(http);
        var outcomes = await energy.IngestAsync("batch:" + caller.Principal, caller.Actor, batch.Readings);
        return TypedResults.Json(ReadingBatchResponse.Of(batch.Complete(outcomes)), EnergyJsonContext.Default.ReadingBatchResponse);
    }

    private static async Task<IResult> List([FromQuery(Name = "site_id")] string? siteId, string? status, string? after, int? limit, EnergyStore store, CancellationToken cancellationToken)
    {
        if (siteId is not null && !SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"site_id must be {SiteIds.Rule}.");
        QuarantineStatus? filter = null;
        if (status is null or "pending") filter = QuarantineStatus.Pending;
        else if (EnergyNames.TryParse<QuarantineStatus>(status, out var parsed)) filter = parsed;
        else if (status != "any") return LedgerProblems.Invalid("status must be pending (the default), released, rejected or any.");
        Guid? cursor = null;
        if (after is not null)
        {
            if (!Guid.TryParseExact(after, "D", out var id)) return LedgerProblems.Invalid("after must be a next_after value from an earlier page.");
            cursor = id;
        }
        if (limit is < 1 or > MaxPageSize) return LedgerProblems.Invalid($"limit must be between 1 and {MaxPageSize}.");
        var size = limit ?? DefaultPageSize;
        var items = await store.ListQuarantineAsync(siteId, filter, cursor, size, cancellationToken);
        return TypedResults.Ok(new QuarantinePage(items, items.Count == size ? items[^1].QuarantineId : null));
    }

    private static async Task<IResult> Resolve(string quarantineId, bool release, HttpContext http, EnergyService energy)
    {
        string? error = null;
        if (!RequestFields.TryId(quarantineId, "The quarantine id in the path", out var id, ref error)) return LedgerProblems.Invalid(error!);
        var operation = release ? "release" : "reject";
        if (!AdminWrites.TryKey(http, $"POST /v1/oracle/quarantine/{{id}}/{operation}", id, out var key, out var problem)) return problem;
        var result = await energy.ResolveQuarantineAsync(key, id, release, key.Scope);
        return EnergyResponses.Respond(http, result, entry => TypedResults.Ok(entry));
    }
}
