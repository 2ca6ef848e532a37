using Daarion.Grains.Interfaces.Payouts;
using Daarion.Silo;
using Microsoft.Extensions.Hosting;

namespace Daarion.Grains.Payouts;

/// <summary>Starts the payout clock's durable reminder when the host starts (registering it again is harmless).</summary>
internal sealed class PayoutClock(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IPayoutSchedulerGrain>(PayoutScheduler.Key).Start();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
