using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

public static class SitesApi
{
    /// <summary>/v1/sites: register a site with its meter and device keys (admin), read it with its meter's progress.</summary>
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder routes)
    {
        var sites = routes.MapGroup("/v1/sites").WithTags("Sites");
        sites.MapPost("/", Create).RequiresAction(ActionCatalog.SiteCreate).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<SiteView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sites.MapGet("/{siteId}", Get).RequiresAction(ActionCatalog.SiteRead)
            .Produces<SiteView>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> Create(CreateSiteRequest body, HttpContext http, EnergyService energy)
    {
        if (!AdminWrites.TryKey(http, "POST /v1/sites", body, out var key, out var problem)) return problem;
        if (!body.TryToRegistration(out var registration, out var error)) return LedgerProblems.Invalid(error!);
        var result = await energy.RegisterSiteAsync(key, registration);
        return EnergyResponses.Respond(http, result, site => TypedResults.Created($"/v1/sites/{site.SiteId}", site));
    }

    private static async Task<IResult> Get(string siteId, EnergyService energy)
    {
        if (!SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"The site id in the path must be {SiteIds.Rule}.");
        return await energy.GetSiteAsync(siteId) is { } site ? TypedResults.Ok(site) : LedgerProblems.NotFound($"Site {siteId} does not exist.");
    }
}
