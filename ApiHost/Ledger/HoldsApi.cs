using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;

namespace Daarion.ApiHost.Ledger;

public static class HoldsApi
{
    /// <summary>/v1/holds: two-phase transfers — hold, then post (partially or fully) or void; expiry releases a hold.</summary>
    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder routes)
    {
        var holds = routes.MapGroup("/v1/holds").WithTags("Holds");
        holds.MapPost("/", Create).RequiresAction(ActionCatalog.HoldCreate).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<HoldView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        holds.MapGet("/{holdId}", Get).RequiresAction(ActionCatalog.HoldRead)
            .Produces<HoldView>().ProducesProblem(StatusCodes.Status404NotFound);
        holds.MapPost("/{holdId}/post", Post).RequiresAction(ActionCatalog.HoldPost).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<HoldPosting>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        holds.MapPost("/{holdId}/void", Void).RequiresAction(ActionCatalog.HoldVoid).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<HoldView>().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> Create(HoldRequest body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryToCommand(out var command, out var error)) return LedgerProblems.Invalid(error!);
        var result = await ledger.CreateHoldAsync(LedgerCallers.Request(http, key), command);
        return LedgerResponses.Created(http, result, h => $"/v1/holds/{h.HoldId}");
    }

    private static async Task<IResult> Get(string holdId, LedgerService ledger, CancellationToken cancellationToken)
    {
        if (!TryHoldId(holdId, out var id, out var problem)) return problem;
        return await ledger.GetHoldAsync(id, cancellationToken) is { } hold ? TypedResults.Ok(hold) : LedgerProblems.NotFound($"Hold {id} does not exist.");
    }

    // The body is optional: no body (or {}) posts the whole hold.
    private static async Task<IResult> Post(string holdId, HoldPostRequest? body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!TryHoldId(holdId, out var id, out problem)) return problem;
        string? error = null;
        if (!RequestFields.TryOptionalAmount(body?.Amount, "amount", out var amount, ref error)) return LedgerProblems.Invalid(error!);
        return LedgerResponses.Ok(http, await ledger.PostHoldAsync(LedgerCallers.Request(http, key), id, amount));
    }

    private static async Task<IResult> Void(string holdId, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!TryHoldId(holdId, out var id, out problem)) return problem;
        return LedgerResponses.Ok(http, await ledger.VoidHoldAsync(LedgerCallers.Request(http, key), id));
    }

    private static bool TryHoldId(string text, out Guid id, out IResult problem)
    {
        problem = null!;
        string? error = null;
        if (RequestFields.TryId(text, "The hold id in the path", out id, ref error)) return true;
        problem = LedgerProblems.Invalid(error!);
        return false;
    }
}
