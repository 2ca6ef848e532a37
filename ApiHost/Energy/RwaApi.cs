using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;
using Microsoft.AspNetCore.Mvc;

namespace Daarion.ApiHost.Energy;

public static class RwaApi
{
    /// <summary>GET /v1/rwa/inventory?site_id=…&amp;domain=…: the RWA inventory projection (seed 34 §4.8).</summary>
    public static IEndpointRouteBuilder MapRwaApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/rwa").WithTags("RWA").MapGet("/inventory", List).RequiresAction(ActionCatalog.InventoryRead)
            .Produces<InventoryPage>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<IResult> List([FromQuery(Name = "site_id")] string? siteId, string? domain, EnergyStore store, CancellationToken cancellationToken)
    {
        if (siteId is not null && !SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"site_id must be {SiteIds.Rule}.");
        RwaDomain? filter = null;
        if (domain is not null)
        {
            if (!EnergyNames.TryParse<RwaDomain>(domain, out var parsed)) return LedgerProblems.Invalid("domain must be energy, food or water.");
            filter = parsed;
        }
        return TypedResults.Ok(new InventoryPage(await store.ListInventoryAsync(siteId, filter, cancellationToken)));
    }
}
