using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>
/// The payout clock (one per silo cluster, key "energy"): a durable reminder that, once per period, asks every site
/// that delivered energy to pay its closed periods.
/// </summary>
public interface IPayoutSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-aligns) the reminder; idempotent.</summary>
    Task Start();

    /// <summary>Pays every site's periods that closed before <paramref name="now"/> minus the settle delay; returns the payouts written.</summary>
    Task<int> RunOnce(DateTimeOffset now);
}
