using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Events.Subscriptions;

/// <summary>Deletes inbox records older than Events:Consumers:InboxRetention, hourly: redeliveries come within minutes.</summary>
internal sealed class InboxCleanupService(NpgsqlDataSource dataSource, IOptions<EventsOptions> options, ILogger<InboxCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand("DELETE FROM event_inbox WHERE handled_at < now() - $1");
                command.Parameters.Add(new NpgsqlParameter { Value = options.Value.Consumers.InboxRetention });
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                Log.InboxCleanupFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
