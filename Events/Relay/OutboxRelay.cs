using System.Diagnostics;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Backbone;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Events.Relay;

/// <summary>
/// Drains outbox_events and outbox_batches into JetStream (seed 42 §7): reads the oldest unpublished rows, publishes
/// their events pipelined with <c>Nats-Msg-Id = event_id</c>, and marks a row published only once the streams
/// acknowledged all its events. A notification from the outbox triggers wakes it at each commit. While NATS is away it
/// waits and the outbox grows; when NATS returns the backlog drains, and events re-sent after a lost ack are dropped by
/// the streams' de-duplication. Order per stream (hence per ordering key) is kept by <see cref="StreamChains"/>.
/// One host relays at a time (a PostgreSQL advisory lock); the others stand by.
/// </summary>
internal sealed class OutboxRelay(
    EventBackbone backbone,
    NpgsqlDataSource dataSource,
    IOptions<EventsOptions> options,
    OutboxRelayMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan ConnectedPoll = TimeSpan.FromMilliseconds(50);

    private readonly OutboxRelayOptions _options = options.Value.Relay;
    private TimeSpan _retryDelay = options.Value.Relay.RetryDelay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        var jetStream = await backbone.ReadyAsync(stoppingToken);
        while (true)
        {
            try
            {
                await using var session = await RelaySession.OpenAsync(dataSource, stoppingToken);
                if (!await session.TryLeadAsync(stoppingToken))
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                    continue;
                }
                metrics.SetLeader(true);
                Log.RelayLeading(logger);
                await LeadAsync(session, jetStream, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or NatsException or System.Text.Json.JsonException)
            {
                await BackOffAsync(e.Message, stoppingToken);
            }
            finally
            {
                metrics.SetLeader(false);
            }
        }
    }

    // Rounds until the database fails (which ends the leadership) or the host stops.
    private async Task LeadAsync(RelaySession session, JetStreamContext jetStream, CancellationToken cancellationToken)
    {
        var connection = backbone.Connection!;
        var publisher = jetStream.CreatePublisher(_options.MaxInFlight);
        var chains = new StreamChains();
        EventHandler<NatsConnectionStateChangedEventArgs> reset = (_, _) => chains.Invalidate();
        connection.StateChanged += reset;
        try
        {
            OutboxPage? ahead = null;
            while (true)
            {
                while (connection.State != NatsConnectionState.Connected)
                    await Task.Delay(ConnectedPoll, cancellationToken);
                var started = Stopwatch.GetTimestamp();
                var page = ahead;
                ahead = null;
                if (page is not { IsEmpty: false })
                {
                    session.ClearNotified();
                    page = await OutboxStore.ReadAsync(session.Connection, _options.MaxEventsPerRound, inFlight: null, cancellationToken);
                }
                if (page.IsEmpty)
                {
                    await session.WaitForRowsAsync(_options.PollInterval, cancellationToken);
                    continue;
                }
                var read = Stopwatch.GetTimestamp();
                // A full page means a backlog: the next page is read while this one is published.
                var full = page.Events.Count >= _options.MaxEventsPerRound;
                if (full)
                    session.ClearNotified();
                var publishing = Task.Run(() => RelayRound.PublishAsync(publisher, page, chains, cancellationToken), cancellationToken);
                var reading = full ? OutboxStore.ReadAsync(session.Connection, _options.MaxEventsPerRound, page, cancellationToken) : Task.FromResult(new OutboxPage());
                // Both end before anything goes on, even when the read fails: no round may still be sending when the
                // next one starts.
                await Task.WhenAll(publishing, reading);
                var result = publishing.Result;
                ahead = reading.Result;
                var published = Stopwatch.GetTimestamp();
                await OutboxStore.MarkAsync(session.Connection, page, result, cancellationToken);
                Log.RoundTimings(logger, page.Events.Count, page.Rows.Count, Stopwatch.GetElapsedTime(started, read).TotalMilliseconds,
                    Stopwatch.GetElapsedTime(read, published).TotalMilliseconds, Stopwatch.GetElapsedTime(published).TotalMilliseconds);
                metrics.RecordRound(result);
                ReportDeadLetters(page, result);
                if (FirstUnpublished(result) is { } failed)
                {
                    // Not settled: a publish failed (NATS away, a refusal) or was held back behind one. Retry later,
                    // from the oldest unpublished row again: what was read ahead may belong behind what failed.
                    ahead = null;
                    Log.PublishFailed(logger, result.Count(PublishOutcome.Failed) + result.Count(PublishOutcome.NotSent),
                        page.Events[failed].EventId, page.Events[failed].Subject, result.Reasons[failed] ?? "held back behind a failed publish");
                    if (result.StreamMissing)
                        await backbone.ProvisionAsync(jetStream, cancellationToken);
                    await Task.Delay(_retryDelay, cancellationToken);
                    _retryDelay = Longer(_retryDelay);
                    continue;
                }
                _retryDelay = _options.RetryDelay;
                if (!full)
                    await session.WaitForRowsAsync(_options.PollInterval, cancellationToken);
            }
        }
        finally
        {
            connection.StateChanged -= reset;
        }
    }

    private void ReportDeadLetters(OutboxPage page, RoundResult result)
    {
        for (var i = 0; i < page.Events.Count; i++)
        {
            if (result.Outcomes[i] == PublishOutcome.DeadLetter)
                Log.DeadLettered(logger, page.Events[i].EventId, page.Events[i].Subject, result.Reasons[i] ?? "");
        }
    }

    private static int? FirstUnpublished(RoundResult result)
    {
        var index = Array.FindIndex(result.Outcomes, o => o is PublishOutcome.Failed or PublishOutcome.NotSent);
        return index < 0 ? null : index;
    }

    private async Task BackOffAsync(string reason, CancellationToken cancellationToken)
    {
        Log.RelayRoundFailed(logger, _retryDelay, reason);
        await Task.Delay(_retryDelay, cancellationToken);
        _retryDelay = Longer(_retryDelay);
    }

    private TimeSpan Longer(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
}
