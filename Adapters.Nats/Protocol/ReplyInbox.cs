using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;

namespace Daarion.Adapters.Nats.Protocol;

// One wildcard subscription (_INBOX.<nuid>.*) receives the replies of every request and JetStream publish of a
// connection; the last token says which one a reply answers. Deadlines are checked by one periodic sweep rather than
// a timer per request, which keeps tens of thousands of pipelined publishes cheap.
internal sealed class ReplyInbox : ISubscriptionSink, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<long, (IReplyHandler Handler, long Deadline)> _pending = new();
    private readonly byte[] _prefix;
    private readonly Timer _sweeper;
    private long _nextId;

    public ReplyInbox(long sid)
    {
        var prefix = $"_INBOX.{Nuid.Next()}.";
        _prefix = Encoding.ASCII.GetBytes(prefix);
        Sid = sid;
        Subject = prefix + "*";
        _sweeper = new Timer(static state => ((ReplyInbox)state!).Sweep(), this, SweepInterval, SweepInterval);
    }

    public long Sid { get; }

    public string Subject { get; }

    public string? QueueGroup => null;

    public long? Remaining => null;

    // Room for the prefix and a long's digits.
    public int MaxReplyToLength => _prefix.Length + 20;

    public long Register(IReplyHandler handler, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        _pending[id] = (handler, Environment.TickCount64 + (long)timeout.TotalMilliseconds);
        return id;
    }

    /// <summary>Forgets a request (its publish failed, or its caller gave up); false if it was already answered.</summary>
    public bool TryForget(long id) => _pending.TryRemove(id, out _);

    public int FormatReplyTo(long id, Span<byte> destination)
    {
        _prefix.CopyTo(destination);
        Utf8Formatter.TryFormat(id, destination[_prefix.Length..], out var digits);
        return _prefix.Length + digits;
    }

    public void Deliver(in RawMessage message)
    {
        var subject = message.Subject;
        if (subject.StartsWith(_prefix)
            && Utf8Parser.TryParse(subject[_prefix.Length..], out long id, out var consumed)
            && consumed == subject.Length - _prefix.Length
            && _pending.TryRemove(id, out var pending))
        {
            pending.Handler.OnReply(message);
        }
    }

    public void Complete(Exception? error)
    {
        var failure = error ?? new NatsConnectionException("The connection was closed before the reply arrived.");
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
                pending.Handler.OnFailure(failure);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private void Sweep()
    {
        var now = Environment.TickCount64;
        foreach (var (id, pending) in _pending)
        {
            if (pending.Deadline <= now && _pending.TryRemove(id, out _))
                pending.Handler.OnTimeout();
        }
    }
}
