using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Interfaces.Payouts;
using Daarion.Grains.Payouts;
using Daarion.Silo;

namespace Daarion.ApiHost.Economy;

public static class PayoutsApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>/v1/wallet/payouts and /claim (seed 28 §5, §8); /v1/payouts/rates and /run for operators and governance.</summary>
    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder routes)
    {
        var wallet = routes.MapGroup("/v1/wallet").WithTags("Payouts");
        wallet.MapGet("/payouts", List).RequiresAction(ActionCatalog.PayoutRead).Produces<PayoutPage>();
        wallet.MapPost("/claim", Claim).RequiresAction(ActionCatalog.PayoutClaim).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<PayoutView>().Produces<PayoutView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var payouts = routes.MapGroup("/v1/payouts").WithTags("Payouts");
        payouts.MapGet("/rates", Rates).RequiresAction(ActionCatalog.PayoutRateRead).Produces<IReadOnlyList<PayoutRate>>();
        payouts.MapPost("/rates", SetRate).RequiresAction(ActionCatalog.PayoutRateSet).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<PayoutRate>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        payouts.MapPost("/run", Run).RequiresAction(ActionCatalog.PayoutRun).Produces<PayoutRun>();
        return routes;
    }

    private static async Task<IResult> List(string? cursor, int? limit, HttpContext http, PayoutStore store, CancellationToken cancellationToken)
    {
        Guid? after = null;
        if (cursor is not null)
        {
            if (!Guid.TryParseExact(cursor, "N", out var parsed)) return LedgerProblems.Invalid("cursor must be a next_cursor value from an earlier page.");
            after = parsed;
        }
        if (limit is < 1 or > MaxPageSize) return LedgerProblems.Invalid($"limit must be between 1 and {MaxPageSize}.");
        var size = limit ?? DefaultPageSize;
        var items = await store.ListForUserAsync(LedgerCallers.Subject(http), after, size + 1, cancellationToken);
        return TypedResults.Ok(items.Count > size
            ? new PayoutPage([.. items.Take(size)], items[size - 1].PayoutId.ToString("N"))
            : new PayoutPage(items, null));
    }

    private static async Task<IResult> Claim(ClaimRequest body, HttpContext http, IGrainFactory grains)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryRead(out var payoutId, out var address, out var error)) return LedgerProblems.Invalid(error!);
        var result = await grains.GetGrain<IPayoutGrain>(payoutId.ToString()).Claim(new ClaimCommand(LedgerCallers.Subject(http), key, address));
        // On chain, a transaction not final within Payouts:ClaimWait leaves the payout claimed: accepted, finished later.
        return result.Value is { Status: PayoutStatus.Claimed } pending ? TypedResults.Accepted($"/v1/wallet/payouts", pending) : LedgerResponses.Ok(http, result);
    }

    private static async Task<IResult> Rates(PayoutStore store, CancellationToken cancellationToken) => TypedResults.Ok(await store.ListRatesAsync(cancellationToken));

    private static async Task<IResult> SetRate(RateRequest body, HttpContext http, PayoutStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!body.TryRead(time.GetUtcNow(), out var domain, out var rate, out var from, out var error)) return LedgerProblems.Invalid(error!);
        var set = await store.SetRateAsync(domain, rate, from, LedgerCallers.Subject(http), cancellationToken);
        return TypedResults.Created("/v1/payouts/rates", set);
    }

    private static async Task<IResult> Run(IGrainFactory grains, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var written = await grains.GetGrain<IPayoutSchedulerGrain>(PayoutScheduler.Key).RunOnce(now);
        return TypedResults.Ok(new PayoutRun(written, now));
    }
}
