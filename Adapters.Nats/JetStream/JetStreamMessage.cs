using System.Globalization;
using System.Text;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// A message fetched from a consumer, with its acknowledgements. One of <see cref="AckAsync"/>,
/// <see cref="DoubleAckAsync"/>, <see cref="NakAsync"/> or <see cref="TermAsync"/> settles it; <see cref="InProgressAsync"/>
/// may come before, as often as needed.
/// </summary>
public sealed class JetStreamMessage
{
    private static readonly byte[] Ack = "+ACK"u8.ToArray();
    private static readonly byte[] Nak = "-NAK"u8.ToArray();
    private static readonly byte[] InProgress = "+WPI"u8.ToArray();
    private static readonly byte[] Term = "+TERM"u8.ToArray();

    private readonly NatsMsg _message;
    private readonly JetStreamContext _context;
    private JetStreamMessageMetadata? _metadata;
    private int _settled;

    internal JetStreamMessage(NatsMsg message, JetStreamContext context)
    {
        _message = message;
        _context = context;
    }

    /// <summary>The subject it was published on.</summary>
    public string Subject => _message.Subject;

    public NatsHeaders? Headers => _message.Headers;

    public ReadOnlyMemory<byte> Data => _message.Data;

    /// <summary>The ack subject the acknowledgements go to.</summary>
    public string? ReplyTo => _message.ReplyTo;

    /// <summary>Stream, consumer, sequences, delivery count and time, from the ack subject.</summary>
    public JetStreamMessageMetadata Metadata =>
        _metadata ??= JetStreamMessageMetadata.TryParse(_message.ReplyTo, out var metadata)
            ? metadata!
            : throw new InvalidOperationException($"The message on '{Subject}' has no JetStream ack subject.");

    public string GetString() => _message.GetString();

    /// <summary>Done with it (+ACK), without waiting for the server.</summary>
    public ValueTask AckAsync(CancellationToken cancellationToken = default) => SettleAsync(Ack, cancellationToken);

    /// <summary>
    /// +ACK and wait until the server confirms it: once this returns the message will not be redelivered, unlike a plain
    /// ack that could be lost with the connection.
    /// </summary>
    public async Task DoubleAckAsync(CancellationToken cancellationToken = default)
    {
        var replyTo = Claim();
        await _context.Connection.RequestAsync(replyTo, Ack, timeout: _context.Options.RequestTimeout, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Not processed (-NAK): redeliver, after <paramref name="delay"/> if given.</summary>
    public ValueTask NakAsync(TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        SettleAsync(delay is { } wait ? Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"-NAK {{\"delay\":{wait.Ticks * 100}}}")) : Nak, cancellationToken);

    /// <summary>Still working on it (+WPI): restarts the ack wait.</summary>
    public ValueTask InProgressAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _settled) != 0)
            throw new InvalidOperationException("The message was already acknowledged.");
        return _context.Connection.PublishAsync(ReplyToOrThrow(), InProgress, cancellationToken: cancellationToken);
    }

    /// <summary>Never deliver it again (+TERM).</summary>
    public ValueTask TermAsync(CancellationToken cancellationToken = default) => SettleAsync(Term, cancellationToken);

    private ValueTask SettleAsync(byte[] body, CancellationToken cancellationToken) =>
        _context.Connection.PublishAsync(Claim(), body, cancellationToken: cancellationToken);

    private string Claim()
    {
        var replyTo = ReplyToOrThrow();
        if (Interlocked.Exchange(ref _settled, 1) != 0)
            throw new InvalidOperationException("The message was already acknowledged.");
        return replyTo;
    }

    private string ReplyToOrThrow() =>
        _message.ReplyTo ?? throw new InvalidOperationException($"The message on '{Subject}' cannot be acknowledged (no ack subject).");
}
