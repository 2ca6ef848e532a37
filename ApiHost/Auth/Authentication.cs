namespace Daarion.ApiHost.Auth;

/// <summary>The caller a credential authenticates, or why it does not (the detail of a 401).</summary>
public sealed record Authentication(Caller? Caller, string? Error)
{
    public static Authentication Fail(string error) => new(null, error);
}
