using System.Text.RegularExpressions;

namespace Daarion.Grains.Access;

/// <summary>The shapes of registry names, as the database's access_name domain checks them.</summary>
public static partial class AccessNames
{
    public const int MaxLength = 100;

    /// <summary>A capability: at least two dot-separated lower-case words (wallet.transfer).</summary>
    public static bool IsCapability(string? name) => name is { Length: <= MaxLength } && Capability().IsMatch(name);

    /// <summary>A bundle, plan, embassy or service id: dot-separated lower-case words (wallet.reader, energy_union).</summary>
    public static bool IsName(string? name) => name is { Length: <= MaxLength } && Name().IsMatch(name);

    /// <summary>A JWT scope as scope_bundles takes it (wallet:read).</summary>
    public static bool IsScope(string? name) => name is not null && Scope().IsMatch(name);

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex Capability();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z][a-z0-9_.:-]{0,99}$")]
    private static partial Regex Scope();
}
