using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

public static class RegistryApi
{
    /// <summary>
    /// /v1/registry (platform admins): the static registry, whole; capabilities, bundles, what roles, plans, JWT scopes
    /// and subject kinds hold; users. Each change is effective on the next request. /internal/v1/registry/bundles lets
    /// an internal service holding service.update.capabilities (governance) change bundles.
    /// </summary>
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        var registry = routes.MapGroup("/v1/registry").WithTags("Registry");
        registry.MapGet("/", async (PolicyCatalog catalog, CancellationToken cancellationToken) => TypedResults.Ok((await catalog.GetAsync(cancellationToken)).Snapshot))
            .RequiresAction(ActionCatalog.RegistryRead);
        registry.MapPut("/capabilities/{capability}", PutCapability).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPut("/bundles/{bundle}", PutBundle).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPut("/roles/{role}/bundles", PutRoleBundles).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPut("/plans/{plan}", PutPlan).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPut("/scopes/{scope}/bundles", PutScopeBundles).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPut("/kinds/{kind}/bundles", PutKindBundles).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapPost("/users", CreateUser).RequiresAction(ActionCatalog.RegistryWrite);
        registry.MapGet("/users/{userId}", GetUser).RequiresAction(ActionCatalog.RegistryRead);

        routes.MapGroup("/internal/v1/registry").WithTags("Internal").MapPut("/bundles/{bundle}", PutBundle).RequiresAction(ActionCatalog.ServiceUpdateCapabilities);
        return routes;
    }

    private static async Task<IResult> PutCapability(string capability, DescriptionRequest body, RegistryWriter registry, CancellationToken cancellationToken) =>
        RegistryProblems.Ok(await registry.PutCapabilityAsync(capability, body.Description ?? "", cancellationToken));

    private static async Task<IResult> PutBundle(string bundle, BundleRequest body, RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!body.TryToCaps(out var caps, out var error)) return RegistryProblems.Invalid(error!);
        return RegistryProblems.Ok(await registry.PutBundleAsync(bundle, body.Description ?? "", caps, cancellationToken));
    }

    private static async Task<IResult> PutRoleBundles(string role, RoleBundlesRequest body, RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!body.TryToBundles(role, out var bundles, out var error)) return RegistryProblems.Invalid(error!);
        return RegistryProblems.Ok(await registry.PutRoleBundlesAsync(role, bundles, cancellationToken));
    }

    private static async Task<IResult> PutPlan(string plan, PlanRequest body, RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!body.TryToEntitlements(out var entitlements, out var error)) return RegistryProblems.Invalid(error!);
        return RegistryProblems.Ok(await registry.PutPlanAsync(plan, body.Description ?? "", entitlements, cancellationToken));
    }

    private static async Task<IResult> PutScopeBundles(string scope, BundlesRequest body, RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!body.TryToBundles(out var bundles, out var error)) return RegistryProblems.Invalid(error!);
        return RegistryProblems.Ok(await registry.PutScopeBundlesAsync(scope, bundles, cancellationToken));
    }

    private static async Task<IResult> PutKindBundles(string kind, BundlesRequest body, RegistryWriter registry, CancellationToken cancellationToken)
    {
        if (!body.TryToBundles(out var bundles, out var error)) return RegistryProblems.Invalid(error!);
        return RegistryProblems.Ok(await registry.PutKindBundlesAsync(kind, bundles, cancellationToken));
    }

    private static async Task<IResult> GetUser(Guid userId, TeamDirectory teams, CancellationToken cancellationToken) =>
        await teams.GetUserAsync(userId, cancellationToken) is { } user ? TypedResults.Ok(user) : RegistryProblems.For(new RegistryError(RegistryErrorCode.NotFound, $"User {userId} does not exist."));

    private static async Task<IResult> CreateUser(UserRequest body, TeamDirectory teams, CancellationToken cancellationToken) =>
        RegistryProblems.Created(await teams.CreateUserAsync(body.Email, body.WalletAddress, cancellationToken), u => $"/v1/registry/users/{u.UserId}");
}
