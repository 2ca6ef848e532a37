namespace Daarion.Grains.Payouts;

/// <summary>Payout settings, bound from the "Payouts" configuration section (e.g. Payouts__Period=01:00:00).</summary>
public sealed class PayoutOptions : ISelfValidatingOptions
{
    public const string Section = "Payouts";

    /// <summary>Length of a payout period, in whole minutes; periods are aligned to the Unix epoch (UTC).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after a period ends it is paid, so readings accepted just before its end have committed.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most periods one run pays per site; a site further behind catches up over the next runs.</summary>
    public int MaxPeriodsPerRun { get; set; } = 168;

    /// <summary>How far back a run looks for sites with unpaid energy, in periods.</summary>
    public int LookbackPeriods { get; set; } = 720;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Period < TimeSpan.FromMinutes(1) || Period.Ticks % TimeSpan.TicksPerMinute != 0) yield return "Payouts:Period must be a whole number of minutes, at least one.";
        if (SettleDelay < TimeSpan.Zero) yield return "Payouts:SettleDelay must not be negative.";
        if (MaxPeriodsPerRun < 1) yield return "Payouts:MaxPeriodsPerRun must be at least 1.";
        if (LookbackPeriods < 1) yield return "Payouts:LookbackPeriods must be at least 1.";
    }

    /// <summary>The start of the period that contains <paramref name="time"/>.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset time)
    {
        var sinceEpoch = time - DateTimeOffset.UnixEpoch;
        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(sinceEpoch.Ticks - (((sinceEpoch.Ticks % Period.Ticks) + Period.Ticks) % Period.Ticks));
    }
}
