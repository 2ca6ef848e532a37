using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

public static class SitesApi
{
    /// <summary>
    /// /v1/sites: register a site with its meter and device keys (admin), add and revoke device keys and set the
    /// platforms that may report for it (admin), read a site with its meter's progress.
    /// </summary>
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder routes)
    {
        var sites = routes.MapGroup("/v1/sites").WithTags("Sites");
        sites.MapPost("/", Create).RequiresAction(ActionCatalog.SiteCreate).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<SiteView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sites.MapGet("/{siteId}", Get).RequiresAction(ActionCatalog.SiteRead)
            .Produces<SiteView>().ProducesProblem(StatusCodes.Status404NotFound);
        sites.MapPost("/{siteId}/device-keys", AddKey).RequiresAction(ActionCatalog.SiteKeysManage).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<SiteView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sites.MapPut("/{siteId}/platforms", SetPlatforms).RequiresAction(ActionCatalog.SitePlatformsManage).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<SiteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sites.MapPost("/{siteId}/device-keys/{keyId}/revoke", RevokeKey).RequiresAction(ActionCatalog.SiteKeysManage)
            .Produces<SiteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> Create(CreateSiteRequest body, HttpContext http, EnergyService energy)
    {
        if (!AdminWrites.TryKey(http, "POST /v1/sites", body, out var key, out var problem)) return problem;
        if (!body.TryToRegistration(out var registration, out var error)) return LedgerProblems.Invalid(error!);
        var result = await energy.RegisterSiteAsync(key, registration);
        return EnergyResponses.Respond(http, result, site => TypedResults.Created($"/v1/sites/{site.SiteId}", site));
    }

    private static async Task<IResult> AddKey(string siteId, DeviceKeyRequest body, HttpContext http, EnergyService energy)
    {
        if (!SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"The site id in the path must be {SiteIds.Rule}.");
        if (!AdminWrites.TryKey(http, $"POST /v1/sites/{siteId}/device-keys", body, out var key, out var problem)) return problem;
        string? error = null;
        if (DeviceKeyRequest.ToKey(body, ref error) is not { } deviceKey) return LedgerProblems.Invalid(error!);
        var result = await energy.AddDeviceKeyAsync(key, siteId, deviceKey);
        return EnergyResponses.Respond(http, result, site => TypedResults.Created($"/v1/sites/{site.SiteId}", site));
    }

    private static async Task<IResult> SetPlatforms(string siteId, SitePlatformsRequest body, HttpContext http, EnergyService energy)
    {
        if (!SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"The site id in the path must be {SiteIds.Rule}.");
        if (!AdminWrites.TryKey(http, $"PUT /v1/sites/{siteId}/platforms", body, out var key, out var problem)) return problem;
        string? error = null;
        var platforms = SitePlatformsRequest.Parse(body.Platforms, ref error);
        if (error is not null) return LedgerProblems.Invalid(error);
        var result = await energy.SetSitePlatformsAsync(key, siteId, platforms);
        return EnergyResponses.Respond(http, result, TypedResults.Ok);
    }

    private static async Task<IResult> RevokeKey(string siteId, string keyId, HttpContext http, EnergyService energy)
    {
        if (!SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"The site id in the path must be {SiteIds.Rule}.");
        if (!DeviceKeyRequest.IsKeyId(keyId)) return LedgerProblems.Invalid($"The key id in the path must be {DeviceKeyRequest.KeyIdRule}.");
        if (!AdminWrites.TryKey(http, $"POST /v1/sites/{siteId}/device-keys/{keyId}/revoke", keyId, out var key, out var problem)) return problem;
        var result = await energy.RevokeDeviceKeyAsync(key, siteId, keyId);
        return EnergyResponses.Respond(http, result, TypedResults.Ok);
    }

    private static async Task<IResult> Get(string siteId, EnergyService energy)
    {
        if (!SiteIds.IsValid(siteId)) return LedgerProblems.Invalid($"The site id in the path must be {SiteIds.Rule}.");
        return await energy.GetSiteAsync(siteId) is { } site ? TypedResults.Ok(site) : LedgerProblems.NotFound($"Site {siteId} does not exist.");
    }
}
