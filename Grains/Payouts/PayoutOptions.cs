namespace Daarion.Grains.Payouts;

/// <summary>Payout settings, bound from the "Payouts" configuration section (e.g. Payouts__Period=01:00:00).</summary>
public sealed class PayoutOptions
{
    public const string Section = "Payouts";

    /// <summary>Length of a payout period, in whole minutes; periods are aligned to the Unix epoch (UTC).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after a period ends it is paid, so readings accepted just before its end have committed.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where claims are settled: Ledger (credit the staker's KWT wallet) or Chain (mint on the EVM chain the Evm section configures).</summary>
    public PayoutSettlementMode Settlement { get; set; } = PayoutSettlementMode.Ledger;

    /// <summary>Chain mode: how long a claim request waits for its transaction's receipt before answering "claimed" (a reminder finishes it).</summary>
    public TimeSpan ClaimWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Chain mode: how often a claimed payout whose transaction was not final yet is checked again.</summary>
    public TimeSpan ConfirmCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

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
        if (!Enum.IsDefined(Settlement)) yield return "Payouts:Settlement must be Ledger or Chain.";
        if (ClaimWait <= TimeSpan.Zero) yield return "Payouts:ClaimWait must be positive.";
        if (ConfirmCheckPeriod <= TimeSpan.Zero) yield return "Payouts:ConfirmCheckPeriod must be positive.";
        if (LookbackPeriods < 1) yield return "Payouts:LookbackPeriods must be at least 1.";
    }

    /// <summary>The start of the period that contains <paramref name="time"/>.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset time)
    {
        var sinceEpoch = time - DateTimeOffset.UnixEpoch;
        return DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(sinceEpoch.Ticks - (((sinceEpoch.Ticks % Period.Ticks) + Period.Ticks) % Period.Ticks));
    }
}
