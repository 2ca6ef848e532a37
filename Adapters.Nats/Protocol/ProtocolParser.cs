using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Daarion.Adapters.Nats.Protocol;

// Parses server operations (INFO, MSG, HMSG, PING, PONG, +OK, -ERR) out of a read buffer. An operation is consumed
// only once it is complete, control line and payload; a partial one stays in the buffer for the next read. Nothing is
// allocated for MSG/HMSG: the handler gets spans over the buffer.
internal static class ProtocolParser
{
    // The server's own control lines stay under 4 KiB, but INFO grows with a cluster's connect_urls.
    public const int MaxControlLineLength = 64 * 1024;

    private const int MaxArguments = 5;

    /// <summary>Dispatches every complete operation at the start of <paramref name="buffer"/> and slices them off.</summary>
    public static void ParseAll(ref ReadOnlySequence<byte> buffer, IProtocolHandler handler)
    {
        while (TryParseOne(ref buffer, handler))
        {
        }
    }

    private static bool TryParseOne(ref ReadOnlySequence<byte> buffer, IProtocolHandler handler)
    {
        var first = buffer.FirstSpan;
        var newline = first.IndexOf((byte)'\n');
        if (newline >= 0)
            return Dispatch(ref buffer, first[..newline], newline + 1, handler);

        // The control line spans segments: copy it out (rare: only at a segment boundary).
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            if (buffer.Length > MaxControlLineLength)
                throw new NatsProtocolException($"A control line from the server exceeds {MaxControlLineLength} bytes.");
            return false;
        }
        var line = buffer.Slice(0, position.Value);
        var copy = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(copy);
            return Dispatch(ref buffer, copy.AsSpan(0, (int)line.Length), (int)line.Length + 1, handler);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    // line: the control line without its '\n'; lineLength: bytes it occupies in the buffer including '\n'.
    private static bool Dispatch(ref ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> line, int lineLength, IProtocolHandler handler)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        if (line.Length < 3)
            throw Unexpected(line);

        switch (line[0] | 0x20)
        {
            case 'm' when StartsWithOp(line, "msg"u8):
                return ParseMessage(ref buffer, line[3..], lineLength, withHeaders: false, handler);
            case 'h' when StartsWithOp(line, "hmsg"u8):
                return ParseMessage(ref buffer, line[4..], lineLength, withHeaders: true, handler);
            case 'p' when StartsWithOp(line, "ping"u8):
                buffer = buffer.Slice(lineLength);
                handler.OnPing();
                return true;
            case 'p' when StartsWithOp(line, "pong"u8):
                buffer = buffer.Slice(lineLength);
                handler.OnPong();
                return true;
            case '+' when StartsWithOp(line, "+ok"u8):
                // Only sent with verbose:true, which this client never asks for.
                buffer = buffer.Slice(lineLength);
                return true;
            case '-' when StartsWithOp(line, "-err"u8):
                buffer = buffer.Slice(lineLength);
                handler.OnError(Encoding.UTF8.GetString(line[4..].Trim(" \t'"u8)));
                return true;
            case 'i' when StartsWithOp(line, "info"u8):
                buffer = buffer.Slice(lineLength);
                handler.OnInfo(line[4..].Trim(" \t"u8));
                return true;
            default:
                throw Unexpected(line);
        }
    }

    // MSG <subject> <sid> [reply-to] <#bytes>  /  HMSG <subject> <sid> [reply-to] <#header bytes> <#total bytes>
    private static bool ParseMessage(ref ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> arguments, int lineLength, bool withHeaders, IProtocolHandler handler)
    {
        Span<Range> ranges = stackalloc Range[MaxArguments + 1];
        var count = Split(arguments, ranges);
        var sizes = withHeaders ? 2 : 1;
        if (count != 2 + sizes && count != 3 + sizes)
            throw Unexpected(arguments);

        var total = ParseSize(arguments[ranges[count - 1]]);
        var headerLength = withHeaders ? ParseSize(arguments[ranges[count - 2]]) : 0;
        if (headerLength > total)
            throw Unexpected(arguments);
        if (buffer.Length < lineLength + total + 2)
            return false;

        if (!Utf8Parser.TryParse(arguments[ranges[1]], out long sid, out var consumed) || consumed != arguments[ranges[1]].Length)
            throw Unexpected(arguments);
        var replyTo = count == 3 + sizes ? arguments[ranges[2]] : [];
        var body = buffer.Slice(lineLength, total);
        handler.OnMessage(new RawMessage(arguments[ranges[0]], sid, replyTo, body.Slice(0, headerLength), body.Slice(headerLength)));
        buffer = buffer.Slice(lineLength + total + 2);
        return true;
    }

    private static int ParseSize(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out int size, out var consumed) && consumed == text.Length && size >= 0
            ? size
            : throw Unexpected(text);

    // Splits on runs of spaces and tabs; more than ranges.Length - 1 arguments is an error for the caller to see.
    private static int Split(ReadOnlySpan<byte> text, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
                i++;
            if (i == text.Length)
                break;
            var start = i;
            while (i < text.Length && text[i] is not ((byte)' ' or (byte)'\t'))
                i++;
            if (count == ranges.Length)
                return count + 1;
            ranges[count++] = start..i;
        }
        return count;
    }

    // Op names are case-insensitive and followed by a separator or the end of the line.
    private static bool StartsWithOp(ReadOnlySpan<byte> line, ReadOnlySpan<byte> op)
    {
        if (line.Length < op.Length)
            return false;
        for (var i = 0; i < op.Length; i++)
        {
            if ((line[i] | 0x20) != op[i])
                return false;
        }
        return line.Length == op.Length || line[op.Length] is (byte)' ' or (byte)'\t';
    }

    private static NatsProtocolException Unexpected(ReadOnlySpan<byte> text)
    {
        var shown = text.Length > 128 ? text[..128] : text;
        return new NatsProtocolException($"Unexpected protocol line from the server: '{Encoding.UTF8.GetString(shown)}'.");
    }
}
