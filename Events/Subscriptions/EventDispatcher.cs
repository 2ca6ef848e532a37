using System.Text;
using System.Text.Json;
using Daarion.Adapters.Nats.JetStream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Events.Subscriptions;

/// <summary>
/// Hands fetched events to a handler in order, at least once, with the inbox making the effect once. A batch is
/// handled in one transaction: the inbox takes the ids it has not seen, the handler runs for those, all commits,
/// then the messages are acknowledged. If the handler throws, the batch rolls back and is handled again one event
/// per transaction, retrying the failing event (Events:Consumers:MaxAttempts) before moving it to the dead letters, so
/// one bad event neither blocks the group nor is overtaken silently. While the database is unreachable the batch is
/// retried, and kept from redelivery (+WPI), until it passes: events are never handled out of order.
/// </summary>
internal sealed class EventDispatcher(
    NpgsqlDataSource dataSource, IOptions<EventsOptions> options, EventConsumerMetrics metrics, ILogger<EventDispatcher> logger)
{
    private readonly EventConsumerOptions _options = options.Value.Consumers;

    public async Task DispatchAsync(HandlerBinding binding, IReadOnlyList<JetStreamMessage> messages, CancellationToken cancellationToken)
    {
        var deliveries = messages.Select(Read).ToList();
        var delay = _options.RetryDelay;
        while (true)
        {
            try
            {
                if (await HandleTogetherAsync(binding, deliveries, cancellationToken) is { } failed)
                    await HandleOneByOneAsync(binding, deliveries, failed, cancellationToken);
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                Log.InboxUnavailable(logger, binding.InboxConsumer, delay, e.Message);
                await KeepAliveAsync(deliveries, cancellationToken);
                await Task.Delay(delay, cancellationToken);
                delay = Longer(delay);
            }
        }
        foreach (var delivery in deliveries)
        {
            if (delivery.DeadLettered) await delivery.Message.TermAsync(cancellationToken);
            else await delivery.Message.AckAsync(cancellationToken);
        }
    }

    // The fast path: null when all committed, else the delivery the handler threw on (everything rolled back).
    private async Task<Delivery?> HandleTogetherAsync(HandlerBinding binding, List<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var wanted = deliveries.Where(d => d.Event is not null && binding.Subscription.Wants(d.Event.Type)).ToList();
        var fresh = await RecordAsync(connection, transaction, binding.InboxConsumer, wanted.Select(d => d.EventId), cancellationToken);
        var context = new EventHandlerContext(connection, transaction, binding.InboxConsumer, binding.IsReplay);
        var handled = 0;
        foreach (var delivery in wanted.Where(d => fresh.Remove(d.EventId)))
        {
            if (!await TryHandleAsync(binding, delivery, context, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return delivery;
            }
            handled++;
        }
        var unreadable = deliveries.Where(d => d.Problem is not null).ToList();
        await DeadLetterAsync(connection, transaction, binding.InboxConsumer, unreadable, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Record(binding.InboxConsumer, handled, wanted.Count - handled);
        return null;
    }

    // The slow path; the event that failed in the fast path has used its first attempt there.
    private async Task HandleOneByOneAsync(HandlerBinding binding, List<Delivery> deliveries, Delivery failed, CancellationToken cancellationToken)
    {
        if (deliveries.Where(d => d.Problem is not null).ToList() is { Count: > 0 } unreadable)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await DeadLetterAsync(connection, transaction, binding.InboxConsumer, unreadable, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var delivery in deliveries.Where(d => d.Event is not null && binding.Subscription.Wants(d.Event.Type)))
        {
            var delay = _options.RetryDelay;
            for (var used = delivery == failed ? 1 : 0; ; used++)
            {
                if (used >= _options.MaxAttempts)
                {
                    await DeadLetterAfterFailuresAsync(binding, delivery, used, cancellationToken);
                    break;
                }
                if (used > 0)
                {
                    await delivery.Message.InProgressAsync(cancellationToken);
                    await Task.Delay(delay, cancellationToken);
                    delay = Longer(delay);
                }
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if ((await RecordAsync(connection, transaction, binding.InboxConsumer, [delivery.EventId], cancellationToken)).Count == 0)
                {
                    metrics.Record(binding.InboxConsumer, 0, 1);
                    break; // handled before (by an earlier delivery, or by this batch before the database failed)
                }
                if (await TryHandleAsync(binding, delivery, new EventHandlerContext(connection, transaction, binding.InboxConsumer, binding.IsReplay), cancellationToken))
                {
                    await transaction.CommitAsync(cancellationToken);
                    metrics.Record(binding.InboxConsumer, 1, 0);
                    break;
                }
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private async Task<bool> TryHandleAsync(HandlerBinding binding, Delivery delivery, EventHandlerContext context, CancellationToken cancellationToken)
    {
        try
        {
            await binding.Handler.HandleAsync(delivery.Event!, context, cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Any exception of the handler's own code, its SQL included: retried, then dead-lettered.
            metrics.RecordFailure(binding.InboxConsumer);
            Log.HandlerFailed(logger, e, binding.Subscription.Handler, delivery.EventId, delivery.Event!.Type);
            return false;
        }
    }

    // The event stays in the inbox (it will not be handled again) and goes to the dead letters with the last error.
    private async Task DeadLetterAfterFailuresAsync(HandlerBinding binding, Delivery delivery, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RecordAsync(connection, transaction, binding.InboxConsumer, [delivery.EventId], cancellationToken);
        await DeadLetterAsync(connection, transaction, binding.InboxConsumer, [delivery], cancellationToken, $"the handler failed {attempts} times");
        await transaction.CommitAsync(cancellationToken);
    }

    // Inserts the ids into the inbox and returns those that were not there.
    private static async Task<HashSet<string>> RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string consumer, IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO event_inbox (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = eventIds.ToArray() });
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) fresh.Add(reader.GetString(0));
        return fresh;
    }

    private async Task DeadLetterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string consumer, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken,
        string? reason = null)
    {
        if (deliveries.Count == 0)
            return;
        await using var command = new NpgsqlCommand(
            "INSERT INTO event_dead_letters (consumer, event_id, subject, envelope, reason) " +
            "SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => d.EventId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => d.Message.Subject).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => Encoding.UTF8.GetString(d.Message.Data.Span)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => reason ?? d.Problem ?? "").ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            delivery.DeadLettered = true;
            metrics.RecordDeadLetter(consumer);
            Log.ConsumerDeadLettered(logger, consumer, delivery.EventId, delivery.Message.Subject, reason ?? delivery.Problem ?? "");
        }
    }

    // Restarts the ack wait of every message while the batch waits for the database.
    private static async Task KeepAliveAsync(List<Delivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
            await delivery.Message.InProgressAsync(cancellationToken);
    }

    private static Delivery Read(JetStreamMessage message)
    {
        var metadata = message.Metadata;
        try
        {
            return new Delivery(message, ConsumedEvent.Parse(message.Data, message.Subject, metadata.Stream, metadata.StreamSequence, metadata.NumDelivered), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new Delivery(message, null, "not an event envelope: " + e.Message);
        }
    }

    private TimeSpan Longer(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
}
