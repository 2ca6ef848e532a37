using System.Text;
using System.Threading.Channels;
using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats;

/// <summary>
/// The messages of one SUB, read with <c>await foreach</c> or through <see cref="Messages"/>. They wait in a bounded
/// queue: when the reader falls behind by <see cref="NatsSubscribeOptions.Capacity"/> messages, new ones are dropped
/// and counted (<see cref="DroppedMessages"/>, <see cref="NatsConnection.SlowConsumerDetected"/>) rather than stalling
/// the connection. Disposing unsubscribes. Survives reconnects: the connection subscribes again.
/// </summary>
public sealed class NatsSubscription : IAsyncEnumerable<NatsMsg>, IAsyncDisposable, ISubscriptionSink
{
    private readonly NatsConnection _connection;
    private readonly Channel<NatsMsg> _channel;
    private long _maxMessages;
    private long _delivered;
    private long _dropped;
    private bool _slow;
    // The last subject seen, to reuse its string: most subscriptions see one subject over and over.
    private byte[] _lastSubjectBytes = [];
    private string _lastSubject = "";

    internal NatsSubscription(NatsConnection connection, long sid, string subject, string? queueGroup, int capacity, int? maxMessages)
    {
        _connection = connection;
        Sid = sid;
        Subject = subject;
        QueueGroup = queueGroup;
        _maxMessages = maxMessages ?? 0;
        _channel = Channel.CreateBounded<NatsMsg>(new BoundedChannelOptions(capacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse the newest, which we count as dropped
        });
    }

    public string Subject { get; }

    public string? QueueGroup { get; }

    /// <summary>The queue of received messages; it completes when the subscription ends.</summary>
    public ChannelReader<NatsMsg> Messages => _channel.Reader;

    /// <summary>Messages dropped because the reader was too slow.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    internal long Sid { get; }

    long ISubscriptionSink.Sid => Sid;

    long? ISubscriptionSink.Remaining
    {
        get
        {
            var max = Interlocked.Read(ref _maxMessages);
            return max == 0 ? null : Math.Max(0, max - Interlocked.Read(ref _delivered));
        }
    }

    public IAsyncEnumerator<NatsMsg> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Ends the subscription at once; messages already queued can still be read.</summary>
    public ValueTask UnsubscribeAsync()
    {
        _connection.Unsubscribe(this, maxMessages: null);
        _channel.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Ends the subscription once <paramref name="maxMessages"/> messages in all have been received.</summary>
    public ValueTask AutoUnsubscribeAsync(int maxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        Interlocked.Exchange(ref _maxMessages, maxMessages);
        if (Interlocked.Read(ref _delivered) >= maxMessages)
            return UnsubscribeAsync();
        _connection.Unsubscribe(this, maxMessages);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => UnsubscribeAsync();

    void ISubscriptionSink.Deliver(in RawMessage message)
    {
        var delivered = Interlocked.Increment(ref _delivered);
        var max = Interlocked.Read(ref _maxMessages);
        if (max > 0 && delivered > max)
            return; // sent by the server before it saw our UNSUB

        if (_channel.Writer.TryWrite(NatsMsg.Create(message, SubjectOf(message.Subject), _connection)))
        {
            _slow = false;
        }
        else
        {
            Interlocked.Increment(ref _dropped);
            if (!_slow)
            {
                _slow = true;
                _connection.OnSlowConsumer(this);
            }
        }

        if (max > 0 && delivered == max)
        {
            _connection.Unsubscribe(this, maxMessages: null, sendUnsub: false);
            _channel.Writer.TryComplete();
        }
    }

    void ISubscriptionSink.Complete(Exception? error) => _channel.Writer.TryComplete(error);

    private string SubjectOf(ReadOnlySpan<byte> subject)
    {
        if (!subject.SequenceEqual(_lastSubjectBytes))
        {
            _lastSubjectBytes = subject.ToArray();
            _lastSubject = Encoding.UTF8.GetString(subject);
        }
        return _lastSubject;
    }
}
