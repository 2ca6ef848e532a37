using Daarion.Grains.Interfaces.Payouts;
using Daarion.Silo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Daarion.Grains.Payouts;

/// <summary>
/// Registers the payout clock's durable reminder once the host runs (registering it again is harmless). In the
/// background and retried: a database that is away at start must not stop the host from starting.
/// </summary>
internal sealed class PayoutClock(IGrainFactory grains, ILogger<PayoutClock> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IPayoutSchedulerGrain>(PayoutScheduler.Key).Start();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PayoutClockNotStarted(logger, e, backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
    }
}
