namespace Daarion.ApiHost.Auth;

/// <summary>Endpoint metadata: the route is public (health, readiness, metrics, the OpenAPI document).</summary>
public sealed class AnonymousAccess
{
    public static readonly AnonymousAccess Instance = new();

    private AnonymousAccess()
    {
    }
}
