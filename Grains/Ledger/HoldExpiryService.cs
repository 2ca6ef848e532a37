using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Ledger;

/// <summary>
/// Releases holds past their expiry, every <see cref="LedgerOptions.HoldExpiryInterval"/>. Several silos may run it:
/// a hold is resolved once (ledger_commit skips holds no longer pending). Until it runs, an expired hold still
/// counts as held, but it can no longer be posted.
/// </summary>
internal sealed class HoldExpiryService(LedgerService ledger, IOptions<LedgerOptions> options, ILogger<HoldExpiryService> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HoldExpiryInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int expired;
                do
                {
                    expired = await ledger.ExpireHoldsAsync(BatchSize, stoppingToken);
                    if (expired > 0) Log.HoldsExpired(logger, expired);
                }
                while (expired == BatchSize);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.HoldExpiryFailed(logger, e);
            }
        }
    }
}
