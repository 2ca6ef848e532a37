using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Events.Subscriptions;

/// <summary>Fetches from a pull consumer and dispatches batch after batch, in stream order.</summary>
internal static class ConsumerLoop
{
    /// <summary>
    /// Runs until cancelled; with <paramref name="untilCaughtUp"/>, returns once the consumer has nothing left (a replay).
    /// <paramref name="onBatch"/> is told each batch's size after it was dispatched.
    /// </summary>
    public static async Task RunAsync(
        JetStreamConsumer consumer, EventDispatcher dispatcher, HandlerBinding binding, EventConsumerOptions options, bool untilCaughtUp,
        Action<int>? onBatch, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await consumer.FetchReadyAsync(options.FetchBatch, options.LongPoll, cancellationToken);
            if (batch.Count > 0)
            {
                await dispatcher.DispatchAsync(binding, batch, cancellationToken);
                onBatch?.Invoke(batch.Count);
                if (untilCaughtUp && batch[^1].Metadata.NumPending == 0)
                    return;
            }
            else if (untilCaughtUp && await consumer.GetInfoAsync(cancellationToken) is { NumPending: 0, NumAckPending: 0 })
            {
                return;
            }
        }
    }
}
