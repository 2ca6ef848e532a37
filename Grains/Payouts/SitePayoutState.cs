namespace Daarion.Grains.Payouts;

/// <summary>The end of the last period this site's payouts were generated for (null: none yet).</summary>
public sealed class SitePayoutState
{
    public DateTimeOffset? PaidThrough { get; set; }
}
