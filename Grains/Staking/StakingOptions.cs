namespace Daarion.Grains.Staking;

/// <summary>Staking settings, bound from the "Staking" configuration section (e.g. Staking__UnbondingPeriod=7.00:00:00).</summary>
public sealed class StakingOptions
{
    public const string Section = "Staking";

    /// <summary>How long unstaked RINGK stays locked before it returns to the staker (it earns nothing meanwhile).</summary>
    public TimeSpan UnbondingPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the stake grains look for unbonded RINGK to release (a durable reminder).</summary>
    public TimeSpan ReleaseCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (UnbondingPeriod < TimeSpan.Zero) yield return "Staking:UnbondingPeriod must not be negative.";
        if (ReleaseCheckPeriod <= TimeSpan.Zero) yield return "Staking:ReleaseCheckPeriod must be positive.";
    }
}
