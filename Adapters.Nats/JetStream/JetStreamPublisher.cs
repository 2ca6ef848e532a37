namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// Pipelined publishing: many publishes in flight at once, each ack matched to its publish as it arrives, instead of one
/// round trip per message. At most <see cref="MaxInFlight"/> publishes await their ack; the next one waits for a place.
/// Thread-safe; one publisher can serve many callers.
/// </summary>
/// <example>
/// <code>
/// var acks = new List&lt;Task&lt;PubAck&gt;&gt;();
/// foreach (var e in events)
///     acks.Add(await publisher.PublishAsync("orders.created", e.Body, options: new() { MsgId = e.Id }));
/// await Task.WhenAll(acks);
/// </code>
/// </example>
public sealed class JetStreamPublisher
{
    private readonly JetStreamContext _context;
    private readonly SemaphoreSlim _window;

    internal JetStreamPublisher(JetStreamContext context, int maxInFlight)
    {
        _context = context;
        MaxInFlight = maxInFlight;
        _window = new SemaphoreSlim(maxInFlight, maxInFlight);
    }

    public int MaxInFlight { get; }

    /// <summary>Publishes sent and not yet acknowledged (nor failed).</summary>
    public int InFlight => MaxInFlight - _window.CurrentCount;

    /// <summary>
    /// Waits for a place in the window and sends the message; the returned task completes with its <see cref="PubAck"/>,
    /// or fails with <see cref="JetStreamApiException"/>, <see cref="NatsNoRespondersException"/> (no stream for the
    /// subject) or <see cref="NatsTimeoutException"/> (no ack in time: it may or may not be stored, so publish it again
    /// with the same <see cref="JetStreamPublishOptions.MsgId"/>).
    /// </summary>
    public async ValueTask<Task<PubAck>> PublishAsync(
        string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, JetStreamPublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        var ack = new PubAckReply(subject, _context.Options.RequestTimeout, _window);
        try
        {
            await _context.SendPublishAsync(subject, data, headers, options, ack, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ack.ReleaseWindow();
            throw;
        }
        return ack.Task;
    }
}
