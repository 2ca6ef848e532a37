namespace Daarion.ApiHost.Auth;

/// <summary>Endpoint metadata: callers without credentials are decided on as the anonymous subject (health, logins, …).</summary>
public sealed class AnonymousAccess
{
    public static readonly AnonymousAccess Instance = new();

    private AnonymousAccess()
    {
    }
}
