using System.Buffers;
using System.Buffers.Text;

namespace Daarion.Adapters.Nats.Protocol;

// A MSG/HMSG as it lies in the socket's read buffer: valid only during the dispatch call. Handlers that keep anything
// copy it out; the reply inbox parses acks straight from these bytes without allocating.
internal readonly ref struct RawMessage
{
    private static ReadOnlySpan<byte> StatusPrefix => "NATS/1.0 "u8;

    public RawMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload)
    {
        Subject = subject;
        Sid = sid;
        ReplyTo = replyTo;
        Headers = headers;
        Payload = payload;
    }

    public ReadOnlySpan<byte> Subject { get; }

    public long Sid { get; }

    public ReadOnlySpan<byte> ReplyTo { get; }

    /// <summary>The header block (NATS/1.0 …), empty for a MSG.</summary>
    public ReadOnlySequence<byte> Headers { get; }

    public ReadOnlySequence<byte> Payload { get; }

    // The status code of a header-only status message (503 no responders…), read without parsing the headers; 0 if none.
    public int StatusCode
    {
        get
        {
            if (Headers.Length <= StatusPrefix.Length)
                return 0;
            Span<byte> start = stackalloc byte[StatusPrefix.Length + 3];
            var length = (int)Math.Min(Headers.Length, start.Length);
            Headers.Slice(0, length).CopyTo(start);
            return length == start.Length && start.StartsWith(StatusPrefix)
                && Utf8Parser.TryParse(start[StatusPrefix.Length..], out int code, out var consumed) && consumed == 3
                ? code
                : 0;
        }
    }
}
