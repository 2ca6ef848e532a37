using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Daarion.ApiHost.Energy;

/// <summary>Site ids as the sites table accepts them: 1 to 128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit.</summary>
internal static partial class SiteIds
{
    public const string Rule = "1 to 128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
    private static partial Regex Pattern();
}
