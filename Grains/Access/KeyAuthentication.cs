using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>The subject a key authenticates, or why it does not.</summary>
public sealed record KeyAuthentication(PolicySubject? Subject, string? Error)
{
    public static KeyAuthentication Fail(string error) => new(null, error);
}
