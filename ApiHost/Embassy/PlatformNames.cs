using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Daarion.ApiHost.Embassy;

/// <summary>Platform names as embassy_platforms accepts them: 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit.</summary>
internal static partial class PlatformNames
{
    public const string Rule = "1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();
}
