using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Events.Relay;

/// <summary>
/// Measures the outbox backlog (unpublished events, oldest one's age) for the metrics, on every host and whether or
/// not NATS is up: a growing backlog is what an operator must see while the relay cannot publish.
/// </summary>
internal sealed class OutboxLagMonitor(
    NpgsqlDataSource dataSource, IOptions<EventsOptions> options, OutboxRelayMetrics metrics, ILogger<OutboxLagMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Relay.LagSampleInterval);
        do
        {
            try
            {
                var (backlog, oldest) = await OutboxStore.MeasureBacklogAsync(dataSource, stoppingToken);
                metrics.RecordBacklog(backlog, oldest);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                Log.LagSampleFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
