using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;

namespace Daarion.ApiHost.Ledger;

public static class TransfersApi
{
    /// <summary>POST /v1/transfers and POST /v1/adjustments (admin): money moved as one journal transaction.</summary>
    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").WithTags("Transfers");
        v1.MapPost("/transfers", Transfer).RequiresAction(ActionCatalog.Transfer).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<TransactionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        v1.MapPost("/adjustments", Adjust).RequiresAction(ActionCatalog.Adjust).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<TransactionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        v1.MapGet("/transactions/{transactionId}", Get).RequiresAction(ActionCatalog.TransactionRead)
            .Produces<TransactionView>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> Transfer(TransferRequest body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryToCommand(out var command, out var error)) return LedgerProblems.Invalid(error!);
        var result = await ledger.TransferAsync(LedgerCallers.Request(http, key), command);
        return LedgerResponses.Created(http, result, Location);
    }

    private static async Task<IResult> Adjust(AdjustmentRequest body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryToCommand(out var command, out var error)) return LedgerProblems.Invalid(error!);
        var result = await ledger.AdjustAsync(LedgerCallers.Request(http, key), command);
        return LedgerResponses.Created(http, result, Location);
    }

    private static async Task<IResult> Get(string transactionId, LedgerService ledger, CancellationToken cancellationToken)
    {
        string? error = null;
        if (!RequestFields.TryId(transactionId, "The transaction id in the path", out var id, ref error)) return LedgerProblems.Invalid(error!);
        return await ledger.GetTransactionAsync(id, cancellationToken) is { } tx ? TypedResults.Ok(tx) : LedgerProblems.NotFound($"Transaction {id} does not exist.");
    }

    private static string Location(TransactionView tx) => $"/v1/transactions/{tx.TransactionId}";
}
