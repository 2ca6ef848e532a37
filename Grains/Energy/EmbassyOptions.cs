namespace Daarion.Grains.Energy;

/// <summary>The Embassy gateway's settings, bound from the "Embassy" configuration section (e.g. Embassy__RotationOverlap=2.00:00:00).</summary>
public sealed class EmbassyOptions
{
    public const string Section = "Embassy";

    /// <summary>How far a webhook's timestamp may be from the server clock, either way (the Standard Webhooks libraries use 5 minutes).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a platform's older secrets keep verifying after a new one is registered.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
