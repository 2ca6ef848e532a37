using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Daarion.ApiHost.Embassy;

/// <summary>
/// Platform names as embassy_platforms accepts them. A platform is also the embassy identity of the same name in the
/// access registry, so the name fits the registry's names too.
/// </summary>
internal static partial class PlatformNames
{
    public const string Rule = "1 to 64 lower-case letters, digits or '_', starting with a letter";

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex Pattern();
}
