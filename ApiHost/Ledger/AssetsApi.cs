using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;

namespace Daarion.ApiHost.Ledger;

public static class AssetsApi
{
    /// <summary>/v1/assets: the assets (KWT, 1T, DAARION, RINGK, USD, …) with their scales; admins add more.</summary>
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder routes)
    {
        var assets = routes.MapGroup("/v1/assets").WithTags("Assets");
        assets.MapGet("/", List).RequiresAction(ActionCatalog.AssetRead).Produces<IReadOnlyList<AssetView>>();
        assets.MapPost("/", Create).RequiresAction(ActionCatalog.AssetCreate).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<AssetView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> List(LedgerService ledger, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ledger.ListAssetsAsync(cancellationToken));

    private static async Task<IResult> Create(CreateAssetRequest body, HttpContext http, LedgerService ledger)
    {
        if (!IdempotencyKeys.TryRead(http.Request, out var key, out var problem)) return problem;
        if (body.Code is null || body.Scale is null) return LedgerProblems.Invalid("code and scale are required.");
        var result = await ledger.CreateAssetAsync(LedgerCallers.Request(http, key), new NewAsset(body.Code, body.Scale.Value));
        return LedgerResponses.Created(http, result, _ => "/v1/assets");
    }
}
