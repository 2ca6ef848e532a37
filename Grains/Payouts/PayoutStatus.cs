namespace Daarion.Grains.Payouts;

/// <summary>The states of a payout: generated → claimed → settled | failed.</summary>
public static class PayoutStatus
{
    public const string Generated = "generated";
    public const string Claimed = "claimed";
    public const string Settled = "settled";
    public const string Failed = "failed";
}
