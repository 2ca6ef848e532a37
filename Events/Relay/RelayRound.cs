using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Catalog;

namespace Daarion.Events.Relay;

/// <summary>
/// Publishes one page of the outbox, pipelined, in page order, with <c>Nats-Msg-Id = event_id</c> and the fence of
/// <see cref="StreamChains"/>. First every stream that is not synced gets its first event of the page published alone
/// (awaited); then the rest goes out fenced, many publishes in flight, and the acks are collected.
/// </summary>
internal static class RelayRound
{
    public static async Task<RoundResult> PublishAsync(
        JetStreamPublisher publisher, OutboxPage page, StreamChains chains, CancellationToken cancellationToken)
    {
        chains.BeginRound();
        var events = page.Events;
        var result = new RoundResult(events.Count);
        var streams = new string?[events.Count];
        var acks = new Task<PubAck>?[events.Count];

        // Phase 1: one lone publish per unsynced stream, its first event in the page (or the next, past dead letters).
        var unsynced = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (EventCatalog.StreamFor(events[i].Subject)?.Name is not { } stream)
            {
                result.Set(i, PublishOutcome.DeadLetter, "no stream of the catalog captures the subject");
                continue;
            }
            streams[i] = stream;
            if (!chains.IsSynced(stream))
            {
                if (!unsynced.TryGetValue(stream, out var indexes)) unsynced[stream] = indexes = [];
                indexes.Add(i);
            }
        }
        var lone = new HashSet<int>();
        foreach (var (stream, indexes) in unsynced)
        {
            foreach (var i in indexes)
            {
                lone.Add(i);
                if (await SettleAsync(await SendAsync(publisher, events[i], expectedLast: null, result, i, cancellationToken), result, i))
                {
                    chains.Sent(stream, events[i].EventId);
                    break;
                }
                if (result.Outcomes[i] != PublishOutcome.DeadLetter)
                    break; // the stream stays unsynced this round: its later events are not sent
            }
        }

        // Phase 2: the rest, fenced on the previous event sent to the same stream.
        for (var i = 0; i < events.Count; i++)
        {
            if (streams[i] is not { } stream || lone.Contains(i))
                continue;
            if (!chains.IsSynced(stream))
                continue; // NotSent: its stream's lone publish failed or an earlier send failed
            acks[i] = await SendAsync(publisher, events[i], chains.LastSent(stream), result, i, cancellationToken);
            if (acks[i] is null)
            {
                if (result.Outcomes[i] == PublishOutcome.Failed) chains.Break(stream);
                continue;
            }
            chains.Sent(stream, events[i].EventId);
        }
        for (var i = 0; i < events.Count; i++)
        {
            if (lone.Contains(i) || acks[i] is null)
                continue;
            if (!await SettleAsync(acks[i], result, i))
                chains.Break(streams[i]!);
        }
        return result;
    }

    // Sends one publish; null when it could not be sent (the outcome says why).
    private static async Task<Task<PubAck>?> SendAsync(
        JetStreamPublisher publisher, PendingEvent e, string? expectedLast, RoundResult result, int index, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.PublishAsync(
                e.Subject, e.Envelope, options: new JetStreamPublishOptions { MsgId = e.EventId, ExpectedLastMsgId = expectedLast }, cancellationToken: cancellationToken);
        }
        catch (NatsPayloadTooLargeException tooLarge)
        {
            result.Set(index, PublishOutcome.DeadLetter, tooLarge.Message);
        }
        catch (NatsException failed)
        {
            result.Set(index, PublishOutcome.Failed, failed.Message);
        }
        return null;
    }

    // Waits for the ack and records the outcome; true when the event is in the stream.
    private static async Task<bool> SettleAsync(Task<PubAck>? ack, RoundResult result, int index)
    {
        if (ack is null)
            return false;
        try
        {
            var pubAck = await ack;
            result.Set(index, pubAck.Duplicate ? PublishOutcome.Duplicate : PublishOutcome.Stored);
            return true;
        }
        catch (JetStreamApiException refused) when (refused.ErrorCode == JetStreamErrorCode.StreamMessageExceedsMaximum)
        {
            result.Set(index, PublishOutcome.DeadLetter, refused.Message);
        }
        catch (NatsNoRespondersException missing)
        {
            result.StreamMissing = true;
            result.Set(index, PublishOutcome.Failed, missing.Message);
        }
        catch (NatsException failed)
        {
            result.Set(index, PublishOutcome.Failed, failed.Message);
        }
        return false;
    }
}
