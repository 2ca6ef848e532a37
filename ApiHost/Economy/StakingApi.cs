using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Interfaces.Staking;
using Daarion.Grains.Staking;
using Daarion.Silo;

namespace Daarion.ApiHost.Economy;

public static class StakingApi
{
    /// <summary>/v1/wallet/stake, /unstake, /stakes: the caller's RINGK staked per DAO (seed 28 §5).</summary>
    public static IEndpointRouteBuilder MapStakingApi(this IEndpointRouteBuilder routes)
    {
        var wallet = routes.MapGroup("/v1/wallet").WithTags("Staking");
        wallet.MapPost("/stake", Stake).RequiresAction(ActionCatalog.StakeRingk).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<StakePosition>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        wallet.MapPost("/unstake", Unstake).RequiresAction(ActionCatalog.UnstakeRingk).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<StakePosition>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        wallet.MapGet("/stakes", List).RequiresAction(ActionCatalog.StakeRead).Produces<IReadOnlyList<StakePosition>>();
        return routes;
    }

    private static Task<IResult> Stake(StakeRequest body, HttpContext http, IGrainFactory grains) =>
        MoveAsync(body, http, grains, (grain, command) => grain.Stake(command));

    private static Task<IResult> Unstake(StakeRequest body, HttpContext http, IGrainFactory grains) =>
        MoveAsync(body, http, grains, (grain, command) => grain.Unstake(command));

    private static async Task<IResult> MoveAsync(StakeRequest body, HttpContext http, IGrainFactory grains,
        Func<IStakeGrain, StakeCommand, Task<Grains.Interfaces.Ledger.LedgerResult<StakePosition>>> move)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (!body.TryRead(out var daoId, out var amount, out var error)) return LedgerProblems.Invalid(error!);
        var grain = grains.GetGrain<IStakeGrain>(StakeKey.Of(daoId, LedgerCallers.Subject(http)));
        return LedgerResponses.Ok(http, await move(grain, new StakeCommand(key, amount)));
    }

    private static async Task<IResult> List(HttpContext http, IGrainFactory grains, StakingStore staking, CancellationToken cancellationToken)
    {
        var user = LedgerCallers.Subject(http);
        var positions = new List<StakePosition>();
        foreach (var dao in await staking.DaosOfAsync(user, cancellationToken)) positions.Add(await grains.GetGrain<IStakeGrain>(StakeKey.Of(dao, user)).Get());
        return TypedResults.Ok(positions);
    }
}
