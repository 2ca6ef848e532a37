using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

public static class IdentitiesApi
{
    /// <summary>
    /// /v1/registry/embassies and /v1/registry/services (platform admins): embassy identities and internal services,
    /// their capabilities, and their keys (the token is shown once, at creation).
    /// </summary>
    public static IEndpointRouteBuilder MapIdentitiesApi(this IEndpointRouteBuilder routes)
    {
        Map(routes, "/v1/registry/embassies", ApiKeyKind.Embassy);
        Map(routes, "/v1/registry/services", ApiKeyKind.Service);
        return routes;
    }

    private static void Map(IEndpointRouteBuilder routes, string path, ApiKeyKind kind)
    {
        var identities = routes.MapGroup(path).WithTags("Registry");
        identities.MapGet("/", (IdentityRegistry registry, CancellationToken cancellationToken) => List(kind, registry, cancellationToken)).RequiresAction(ActionCatalog.RegistryRead);
        identities.MapPut("/{id}", (string id, IdentityRequest body, HttpContext http, IdentityRegistry registry, CancellationToken cancellationToken) =>
            Put(kind, id, body, http, registry, cancellationToken)).RequiresAction(ActionCatalog.RegistryWrite);
        identities.MapGet("/{id}/keys", (string id, KeyStore keys, CancellationToken cancellationToken) => KeysApi.List(kind, id, keys, cancellationToken))
            .RequiresAction(ActionCatalog.RegistryRead);
        identities.MapPost("/{id}/keys", (string id, KeyRequest body, KeyStore keys, CancellationToken cancellationToken) =>
            KeysApi.Create(kind, id, body, $"{path}/{id}/keys", keys, cancellationToken)).RequiresAction(ActionCatalog.RegistryWrite);
        identities.MapDelete("/{id}/keys/{keyId}", (string id, Guid keyId, KeyStore keys, CancellationToken cancellationToken) =>
            KeysApi.Revoke(kind, id, keyId, keys, cancellationToken)).RequiresAction(ActionCatalog.RegistryWrite);
    }

    private static async Task<IResult> List(ApiKeyKind kind, IdentityRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(kind, cancellationToken));

    private static async Task<IResult> Put(ApiKeyKind kind, string id, IdentityRequest body, HttpContext http, IdentityRegistry registry, CancellationToken cancellationToken)
    {
        var capabilities = (body.Capabilities ?? []).ToList();
        if (capabilities.Any(c => c is null)) return RegistryProblems.Invalid("capabilities must be a list of capability names.");
        return RegistryProblems.Ok(await registry.PutAsync(kind, id, body.Name ?? "", body.TeamId, capabilities!, body.Disabled ?? false,
            RequestPolicy.CallerOf(http).Principal, cancellationToken));
    }
}
