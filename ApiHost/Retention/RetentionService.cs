using Daarion.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.ApiHost.Retention;

/// <summary>
/// Deletes what is past its retention, at start and then every <see cref="RetentionOptions.Interval"/>: published outbox
/// rows, the decision log, Embassy webhook records and handled inbox records. Each table goes a chunk at a time; a
/// failure is logged and the next sweep tries again. Every host sweeps: the deletes are idempotent and touch only old rows.
/// </summary>
internal sealed class RetentionService(
    NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, IOptions<EventsOptions> events, ILogger<RetentionService> logger) : BackgroundService
{
    // The tables and their ages, as configured; rules with age zero keep their rows.
    private readonly RetentionRule[] _rules =
    [
        RetentionRule.ByColumn("outbox_events", "published_at", options.Value.PublishedOutbox),
        RetentionRule.ByColumn("outbox_batches", "published_at", options.Value.PublishedOutbox),
        // The decision log refuses a plain DELETE (migration 0012).
        new("pdp_decisions", options.Value.DecisionLog, "SELECT pdp_decisions_expire($1, $2)"),
        RetentionRule.ByColumn("embassy_webhooks", "received_at", options.Value.EmbassyWebhooks),
        RetentionRule.ByColumn("event_inbox", "handled_at", events.Value.Consumers.InboxRetention),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            foreach (var rule in _rules.Where(r => r.Age > TimeSpan.Zero))
            {
                try
                {
                    var deleted = await SweepAsync(rule, stoppingToken);
                    if (deleted > 0) Log.RetentionDeleted(logger, deleted, rule.Table, rule.Age);
                }
                catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
                {
                    Log.RetentionFailed(logger, rule.Table, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<long> SweepAsync(RetentionRule rule, CancellationToken cancellationToken)
    {
        long total = 0;
        long deleted;
        do
        {
            await using var command = dataSource.CreateCommand(rule.DeleteSql);
            command.Parameters.Add(new NpgsqlParameter { Value = rule.Age });
            command.Parameters.Add(new NpgsqlParameter { Value = options.Value.ChunkSize });
            deleted = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            total += deleted;
        }
        while (deleted == options.Value.ChunkSize);
        return total;
    }
}
