using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;

namespace Daarion.ApiHost.Ledger;

public static class WalletsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>/v1/wallets: create a wallet, read its balance, audit it against the journal, list its entries.</summary>
    public static IEndpointRouteBuilder MapWalletsApi(this IEndpointRouteBuilder routes)
    {
        var wallets = routes.MapGroup("/v1/wallets").WithTags("Wallets");
        wallets.MapPost("/", Create).RequiresAction(ActionCatalog.WalletCreate).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<WalletView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        wallets.MapGet("/{walletId}/balance", Balance).RequiresAction(ActionCatalog.WalletRead)
            .Produces<WalletView>().ProducesProblem(StatusCodes.Status404NotFound);
        wallets.MapGet("/{walletId}/balance/audit", Audit).RequiresAction(ActionCatalog.WalletAudit)
            .Produces<WalletAudit>().ProducesProblem(StatusCodes.Status404NotFound);
        wallets.MapGet("/{walletId}/transactions", Entries).RequiresAction(ActionCatalog.WalletRead)
            .Produces<WalletEntryPage>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> Create(CreateWalletRequest body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryToWallet(out var wallet, out var error)) return LedgerProblems.Invalid(error!);
        var result = await ledger.CreateWalletAsync(LedgerCallers.Request(http, key), wallet);
        return LedgerResponses.Created(http, result, w => $"/v1/wallets/{w.WalletId}/balance");
    }

    private static async Task<IResult> Balance(string walletId, LedgerService ledger)
    {
        if (!TryWalletId(walletId, out var id, out var problem)) return problem;
        return await ledger.GetWalletAsync(id) is { } wallet ? TypedResults.Ok(wallet) : NoSuchWallet(id);
    }

    private static async Task<IResult> Audit(string walletId, LedgerService ledger, CancellationToken cancellationToken)
    {
        if (!TryWalletId(walletId, out var id, out var problem)) return problem;
        return await ledger.AuditAsync(id, cancellationToken) is { } audit ? TypedResults.Ok(audit) : NoSuchWallet(id);
    }

    private static async Task<IResult> Entries(string walletId, string? cursor, int? limit, LedgerService ledger, CancellationToken cancellationToken)
    {
        if (!TryWalletId(walletId, out var id, out var problem)) return problem;
        if (!EntryCursor.TryParse(cursor, out var before)) return LedgerProblems.Invalid("cursor must be a next_cursor value from an earlier page.");
        if (limit is < 1 or > MaxPageSize) return LedgerProblems.Invalid($"limit must be between 1 and {MaxPageSize}.");
        var page = await ledger.ListEntriesAsync(id, before, limit ?? DefaultPageSize, cancellationToken);
        return page is null ? NoSuchWallet(id) : TypedResults.Ok(page);
    }

    internal static bool TryWalletId(string text, out Guid id, out IResult problem)
    {
        problem = null!;
        string? error = null;
        if (RequestFields.TryId(text, "The wallet id in the path", out id, ref error)) return true;
        problem = LedgerProblems.Invalid(error!);
        return false;
    }

    private static IResult NoSuchWallet(Guid id) => LedgerProblems.NotFound($"Wallet {id} does not exist.");
}
