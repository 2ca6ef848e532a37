using System.Text.Json.Serialization;
using Daarion.ApiHost.Embassy;

namespace Daarion.ApiHost.Energy;

/// <summary>PUT /v1/sites/{id}/platforms: the only platforms whose webhooks may report for the site; null opens it to every verified platform.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SitePlatformsRequest(IReadOnlyList<string?>? Platforms)
{
    private const int MaxPlatforms = 100;

    /// <summary>The distinct valid names, or null for "any platform"; the first problem goes to <paramref name="error"/> (kept if already set).</summary>
    internal static List<string>? Parse(IReadOnlyList<string?>? names, ref string? error)
    {
        if (names is null) return null;
        if (names.Count is 0 or > MaxPlatforms) error ??= $"platforms, when given, names 1 to {MaxPlatforms} platforms (null or left out: any verified platform).";
        var platforms = new List<string>();
        foreach (var platform in names)
        {
            if (!PlatformNames.IsValid(platform)) error ??= $"Each of platforms must be {PlatformNames.Rule}.";
            else if (platforms.Contains(platform)) error ??= $"platforms names '{platform}' twice.";
            else platforms.Add(platform);
        }
        return platforms;
    }
}
