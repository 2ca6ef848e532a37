using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Daarion.Adapters.Nats.JetStream.Api;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A pull consumer of a stream, fetched from in batches.</summary>
public sealed class JetStreamConsumer
{
    // Room in a fetch's queue beyond the batch, for heartbeats and the closing status.
    private const int StatusHeadroom = 16;
    // How long past the expiry the fetch waits for the server's closing 408 before ending on its own (the pull may
    // have been lost with a connection).
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromSeconds(1);

    private readonly JetStreamContext _context;

    internal JetStreamConsumer(JetStreamContext context, string stream, string name)
    {
        _context = context;
        Stream = stream;
        Name = name;
    }

    public string Stream { get; }

    public string Name { get; }

    public Task<ConsumerInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        _context.GetConsumerInfoAsync(Stream, Name, cancellationToken);

    /// <summary>
    /// Sends one pull request and yields its messages as they come. The fetch ends when the batch is complete, when
    /// the server says it has no more (404 with no-wait, 408 on expiry, 409 leadership change or max bytes), or shortly
    /// after the expiry. Heartbeats are consumed here. A consumer that was deleted, too many waiting pulls, or a bad
    /// request end it with <see cref="JetStreamPullException"/>; missed heartbeats with
    /// <see cref="JetStreamNoHeartbeatException"/>.
    /// </summary>
    public async IAsyncEnumerable<JetStreamMessage> FetchAsync(FetchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new FetchOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));

        var connection = _context.Connection;
        await using var inbox = await connection.SubscribeAsync(
            NatsConnection.NewInbox(), new NatsSubscribeOptions { Capacity = options.MaxMessages + StatusHeadroom }, cancellationToken).ConfigureAwait(false);
        var request = new PullRequest(
            options.MaxMessages, options.NoWait ? null : options.Expires, options.NoWait ? true : null, options.MaxBytes, options.IdleHeartbeat);
        await connection.PublishAsync(
            _context.ApiSubject($"CONSUMER.MSG.NEXT.{Stream}.{Name}"),
            JsonSerializer.SerializeToUtf8Bytes(request, JetStreamJsonContext.Default.PullRequest),
            replyTo: inbox.Subject,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var patience = options.NoWait ? _context.Options.RequestTimeout : options.Expires + ExpiryGrace;
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var received = 0; received < options.MaxMessages;)
        {
            var message = await NextAsync(inbox, watchdog, deadline, options.IdleHeartbeat, cancellationToken).ConfigureAwait(false);
            if (message is null)
                yield break;
            if (message.Headers?.StatusCode is { } status)
            {
                if (status == 100)
                    continue; // idle heartbeat
                if (EndsThePull(status, message.Headers.StatusDescription))
                    yield break;
                throw new JetStreamPullException(status, message.Headers.StatusDescription);
            }
            received++;
            yield return new JetStreamMessage(message, _context);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="longPoll"/> for one message, then takes up to <paramref name="maxMessages"/> − 1 more
    /// that are ready at once (a no-wait pull): an idle consumer hears of a message within milliseconds, a busy one
    /// gets large batches. One pull for a large batch that waits for messages published meanwhile can hold them back:
    /// nats-server 2.9 delivered some of them up to a second late (docs/BENCHMARKS.md, "Events").
    /// </summary>
    public async Task<List<JetStreamMessage>> FetchReadyAsync(int maxMessages, TimeSpan longPoll, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var batch = new List<JetStreamMessage>();
        await foreach (var message in FetchAsync(new FetchOptions { MaxMessages = 1, Expires = longPoll }, cancellationToken).ConfigureAwait(false))
            batch.Add(message);
        if (batch.Count == 0 || maxMessages == 1)
            return batch;
        await foreach (var message in FetchAsync(new FetchOptions { MaxMessages = maxMessages - 1, NoWait = true }, cancellationToken).ConfigureAwait(false))
            batch.Add(message);
        return batch;
    }

    // The next message, or null once the fetch ran past its deadline; waits at most two heartbeats if they were asked for.
    private static async Task<NatsMsg?> NextAsync(
        NatsSubscription inbox, CancellationTokenSource watchdog, long deadline, TimeSpan? idleHeartbeat, CancellationToken cancellationToken)
    {
        if (inbox.Messages.TryRead(out var ready))
            return ready;
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (left <= TimeSpan.Zero)
            return null;
        var limitedByHeartbeat = idleHeartbeat is { } heartbeat && 2 * heartbeat < left;
        watchdog.CancelAfter(limitedByHeartbeat ? 2 * idleHeartbeat!.Value : left);
        try
        {
            return await inbox.Messages.ReadAsync(watchdog.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (limitedByHeartbeat)
                throw new JetStreamNoHeartbeatException(idleHeartbeat!.Value);
            return null;
        }
        catch (ChannelClosedException e)
        {
            throw new NatsConnectionException("The connection closed during the fetch.", e.InnerException);
        }
    }

    private static bool EndsThePull(int status, string? description) => status switch
    {
        404 or 408 => true,
        409 => description is not null
            && (description.StartsWith("Leadership Change", StringComparison.OrdinalIgnoreCase)
                || description.StartsWith("Message Size Exceeds MaxBytes", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
