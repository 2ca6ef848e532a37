using Daarion.ApiHost.Auth;

namespace Daarion.ApiHost.Logins;

public static class AuthApi
{
    /// <summary>/v1/auth: who am I.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/v1/auth").WithTags("Auth");
        auth.MapGet("/whoami", (HttpContext http) =>
        {
            var caller = RequestPolicy.CallerOf(http);
            return TypedResults.Ok(new WhoAmI(caller.Subject.KindName, caller.Subject.Id, caller.Principal, caller.Subject.Scopes, caller.Via, caller.SessionId));
        }).RequiresAction(ActionCatalog.AuthWhoAmI);
        return routes;
    }
}
