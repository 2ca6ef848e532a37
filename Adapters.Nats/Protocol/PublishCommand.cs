using System.Buffers.Text;
using System.Text;

namespace Daarion.Adapters.Nats.Protocol;

// PUB <subject> [reply] <#bytes>\r\n<payload>\r\n, or with headers
// HPUB <subject> [reply] <#header bytes> <#total bytes>\r\n<headers><payload>\r\n.
internal readonly ref struct PublishCommand : IOutboundCommand
{
    private readonly string _subject;
    private readonly ReadOnlySpan<byte> _replyTo;
    private readonly NatsHeaders? _headers;
    private readonly ReadOnlySpan<byte> _payload;
    private readonly int _subjectLength;
    private readonly int _headersLength;

    public PublishCommand(string subject, ReadOnlySpan<byte> replyTo, NatsHeaders? headers, ReadOnlySpan<byte> payload)
    {
        _subject = subject;
        _replyTo = replyTo;
        _headers = headers;
        _payload = payload;
        _subjectLength = Encoding.UTF8.GetByteCount(subject);
        _headersLength = headers?.SerializedLength ?? 0;
        Length = (headers is null ? 4 : 5) + _subjectLength + 1
            + (replyTo.Length > 0 ? replyTo.Length + 1 : 0)
            + (headers is null ? 0 : Digits(_headersLength) + 1)
            + Digits(MessageSize) + 2 + MessageSize + 2;
    }

    public int Length { get; }

    /// <summary>Headers and payload: what the server compares with max_payload.</summary>
    public int MessageSize => _headersLength + _payload.Length;

    public void WriteTo(Span<byte> destination)
    {
        var op = _headers is null ? "PUB "u8 : "HPUB "u8;
        op.CopyTo(destination);
        var written = op.Length;
        written += Encoding.UTF8.GetBytes(_subject, destination[written..]);
        destination[written++] = (byte)' ';
        if (_replyTo.Length > 0)
        {
            _replyTo.CopyTo(destination[written..]);
            written += _replyTo.Length;
            destination[written++] = (byte)' ';
        }
        if (_headers is not null)
        {
            written += Format(_headersLength, destination[written..]);
            destination[written++] = (byte)' ';
        }
        written += Format(MessageSize, destination[written..]);
        destination[written++] = (byte)'\r';
        destination[written++] = (byte)'\n';
        if (_headers is not null)
            written += _headers.WriteTo(destination[written..]);
        _payload.CopyTo(destination[written..]);
        written += _payload.Length;
        destination[written++] = (byte)'\r';
        destination[written] = (byte)'\n';
    }

    private static int Format(int value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    private static int Digits(int value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
            digits++;
        return digits;
    }
}
