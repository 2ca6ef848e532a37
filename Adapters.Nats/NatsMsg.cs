using System.Buffers;
using System.Text;
using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats;

/// <summary>A message received on a subscription or as a reply. Its data is its own copy.</summary>
public sealed class NatsMsg
{
    private readonly NatsConnection? _connection;

    internal NatsMsg(string subject, string? replyTo, NatsHeaders? headers, ReadOnlyMemory<byte> data, NatsConnection? connection)
    {
        Subject = subject;
        ReplyTo = replyTo;
        Headers = headers;
        Data = data;
        _connection = connection;
    }

    public string Subject { get; }

    public string? ReplyTo { get; }

    public NatsHeaders? Headers { get; }

    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The data as UTF-8 text.</summary>
    public string GetString() => Encoding.UTF8.GetString(Data.Span);

    /// <summary>Publishes an answer to <see cref="ReplyTo"/>.</summary>
    public ValueTask ReplyAsync(ReadOnlyMemory<byte> data, NatsHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        if (ReplyTo is null || _connection is null)
            throw new InvalidOperationException($"The message on '{Subject}' has no reply subject.");
        return _connection.PublishAsync(ReplyTo, data, headers, cancellationToken: cancellationToken);
    }

    // Copies a message out of the read buffer; subject is passed in so subscriptions can reuse the string.
    internal static NatsMsg Create(in RawMessage message, string subject, NatsConnection connection) =>
        new(
            subject,
            message.ReplyTo.IsEmpty ? null : Encoding.UTF8.GetString(message.ReplyTo),
            message.Headers.IsEmpty ? null : NatsHeaders.Parse(message.Headers),
            message.Payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray(),
            connection);
}
