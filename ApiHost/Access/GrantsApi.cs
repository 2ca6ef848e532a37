using Daarion.ApiHost.Auth;
using Daarion.Grains.Access;
using Microsoft.AspNetCore.Mvc;

namespace Daarion.ApiHost.Access;

public static class GrantsApi
{
    /// <summary>/v1/registry/grants (platform admins): grants and denials made to one user, embassy or service.</summary>
    public static IEndpointRouteBuilder MapGrantsApi(this IEndpointRouteBuilder routes)
    {
        var grants = routes.MapGroup("/v1/registry/grants").WithTags("Registry");
        grants.MapGet("/", List).RequiresAction(ActionCatalog.RegistryRead);
        grants.MapPost("/", Create).RequiresAction(ActionCatalog.RegistryWrite);
        grants.MapDelete("/{grantId}", Delete).RequiresAction(ActionCatalog.RegistryWrite);
        return routes;
    }

    private static async Task<IResult> List([FromQuery(Name = "subject_kind")] string? subjectKind, [FromQuery(Name = "subject_id")] string? subjectId, GrantRegistry grants, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grants.ListAsync(subjectKind, subjectId, cancellationToken));

    private static async Task<IResult> Create(GrantRequest body, HttpContext http, GrantRegistry grants, CancellationToken cancellationToken) =>
        RegistryProblems.Created(await grants.CreateAsync(body.ToGrant(), RequestPolicy.CallerOf(http).Principal, cancellationToken), g => $"/v1/registry/grants?subject_id={Uri.EscapeDataString(g.SubjectId)}");

    private static async Task<IResult> Delete(Guid grantId, GrantRegistry grants, CancellationToken cancellationToken) =>
        RegistryProblems.Ok(await grants.DeleteAsync(grantId, cancellationToken));
}
