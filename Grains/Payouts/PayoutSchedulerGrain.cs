using Daarion.Grains.Interfaces.Payouts;
using Daarion.Silo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Payouts;

/// <summary>
/// The payout clock: a durable reminder ticking once per period, just after each period closes (plus the settle
/// delay), that asks every site with recent energy to pay its closed periods. A missed or repeated tick is harmless:
/// each site grain pays only what it has not paid.
/// </summary>
[GrainType("payout-scheduler")]
internal sealed class PayoutSchedulerGrain(PayoutStore payouts, IOptions<PayoutOptions> options, TimeProvider time, ILogger<PayoutSchedulerGrain> logger)
    : Grain, IPayoutSchedulerGrain, IRemindable
{
    private const string Reminder = "pay-closed-periods";

    public Task Start()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var firstTick = settings.PeriodStart(now) + settings.Period + settings.SettleDelay;
        return RegisterOrUpdateReminder(Reminder, firstTick - now, settings.Period);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunOnce(time.GetUtcNow());

    public async Task<int> RunOnce(DateTimeOffset now)
    {
        var settings = options.Value;
        var end = settings.PeriodStart(now - settings.SettleDelay);
        var written = 0;
        foreach (var site in await payouts.SitesWithEnergyAsync(end - (settings.Period * settings.LookbackPeriods), end))
        {
            try
            {
                written += await GrainFactory.GetGrain<ISitePayoutGrain>(site).PayThrough(end);
            }
            catch (Exception e)
            {
                // One site's failure must not stop the others; its periods stay unpaid until the next tick.
                Log.SitePayoutFailed(logger, e, site);
            }
        }
        return written;
    }
}
