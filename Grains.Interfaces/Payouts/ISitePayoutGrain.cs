using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>
/// A site's payouts (key: site_id): for each closed period, the KWT its delivered energy earned, split among the
/// RINGK stakers of the site's DAO. Each period is generated once, whatever the number of calls.
/// </summary>
public interface ISitePayoutGrain : IGrainWithStringKey
{
    /// <summary>Generates the payouts of every unpaid period that ends at or before <paramref name="end"/>; returns how many payouts it wrote.</summary>
    Task<int> PayThrough(DateTimeOffset end);
}
