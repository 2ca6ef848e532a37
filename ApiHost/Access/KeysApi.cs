using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

public static class KeysApi
{
    /// <summary>/v1/access-keys: a signed-in user's own access keys (prefix + secret shown once, stored hashed, revocable).</summary>
    public static IEndpointRouteBuilder MapAccessKeysApi(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/v1/access-keys").WithTags("Access keys");
        keys.MapGet("/", (HttpContext http, KeyStore store, CancellationToken cancellationToken) =>
            OfUser(http, user => List(ApiKeyKind.Access, user, store, cancellationToken))).RequiresAction(ActionCatalog.AccessKeyManage);
        keys.MapPost("/", (KeyRequest body, HttpContext http, KeyStore store, CancellationToken cancellationToken) =>
            OfUser(http, user => Create(ApiKeyKind.Access, user, body, "/v1/access-keys", store, cancellationToken))).RequiresAction(ActionCatalog.AccessKeyManage);
        keys.MapDelete("/{keyId}", (Guid keyId, HttpContext http, KeyStore store, CancellationToken cancellationToken) =>
            OfUser(http, user => Revoke(ApiKeyKind.Access, user, keyId, store, cancellationToken))).RequiresAction(ActionCatalog.AccessKeyManage);
        return routes;
    }

    internal static async Task<IResult> List(ApiKeyKind kind, string owner, KeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(kind, owner, cancellationToken));

    internal static async Task<IResult> Create(ApiKeyKind kind, string owner, KeyRequest body, string path, KeyStore keys, CancellationToken cancellationToken)
    {
        if (!body.TryRead(out var capabilities, out var expiresAt, out var error)) return RegistryProblems.Invalid(error!);
        var created = await keys.CreateAsync(kind, owner, body.Name ?? "", body.TeamId, capabilities, expiresAt, cancellationToken);
        return RegistryProblems.Created(created, _ => path);
    }

    internal static async Task<IResult> Revoke(ApiKeyKind kind, string owner, Guid keyId, KeyStore keys, CancellationToken cancellationToken) =>
        RegistryProblems.Ok(await keys.RevokeAsync(kind, owner, keyId, cancellationToken));

    // Keys are made by their owner in person: a key cannot mint or list keys.
    private static Task<IResult> OfUser(HttpContext http, Func<string, Task<IResult>> action) =>
        RequestPolicy.CallerOf(http).UserId is { } user
            ? action(user.ToString())
            : Task.FromResult(TeamsApi.OnlyUsers("manage access keys"));
}
