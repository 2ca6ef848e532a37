namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>The one payout clock's grain key.</summary>
public static class PayoutScheduler
{
    public const string Key = "energy";
}
