using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Text;

namespace Daarion.Adapters.Nats;

/// <summary>
/// The headers of a NATS message (the <c>NATS/1.0</c> block of HPUB/HMSG): ordered name/value pairs, a name may repeat,
/// names are matched case-insensitively but sent as given. On a server status message (no responders, pull consumer
/// statuses) <see cref="StatusCode"/> and <see cref="StatusDescription"/> carry the status line.
/// </summary>
public sealed class NatsHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private static ReadOnlySpan<byte> Version => "NATS/1.0"u8;
    private static ReadOnlySpan<byte> NameSeparator => ": "u8;
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private readonly List<KeyValuePair<string, string>> _entries = [];

    public NatsHeaders()
    {
    }

    /// <summary>A copy of <paramref name="other"/>'s entries (not its status).</summary>
    public NatsHeaders(NatsHeaders other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _entries.AddRange(other._entries);
    }

    public int Count => _entries.Count;

    /// <summary>The status code of a server status message (503, 408, 100…), or null on an ordinary message.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>The text after the status code ("Request Timeout", "Idle Heartbeat"…), or null.</summary>
    public string? StatusDescription { get; private set; }

    /// <summary>The first value of <paramref name="name"/> (null if absent); setting replaces every value of that name.</summary>
    public string? this[string name]
    {
        get => TryGetValue(name, out var value) ? value : null;
        set
        {
            Remove(name);
            if (value is not null)
                Add(name, value);
        }
    }

    public void Add(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException($"The value of header '{name}' contains a line break.", nameof(value));
        _entries.Add(new(name, value));
    }

    public bool TryGetValue(string name, out string value)
    {
        foreach (var (key, entry) in _entries)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = entry;
                return true;
            }
        }
        value = "";
        return false;
    }

    public IEnumerable<string> GetValues(string name) =>
        _entries.Where(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value);

    public bool Remove(string name) => _entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)) > 0;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The size of the block as HPUB counts it: from NATS/1.0 through the blank line's CRLF.
    internal int SerializedLength
    {
        get
        {
            var length = Version.Length + 2 * Crlf.Length;
            foreach (var (name, value) in _entries)
                length += Encoding.UTF8.GetByteCount(name) + NameSeparator.Length + Encoding.UTF8.GetByteCount(value) + Crlf.Length;
            return length;
        }
    }

    internal int WriteTo(Span<byte> destination)
    {
        Version.CopyTo(destination);
        var written = Version.Length;
        Crlf.CopyTo(destination[written..]);
        written += Crlf.Length;
        foreach (var (name, value) in _entries)
        {
            written += Encoding.UTF8.GetBytes(name, destination[written..]);
            NameSeparator.CopyTo(destination[written..]);
            written += NameSeparator.Length;
            written += Encoding.UTF8.GetBytes(value, destination[written..]);
            Crlf.CopyTo(destination[written..]);
            written += Crlf.Length;
        }
        Crlf.CopyTo(destination[written..]);
        return written + Crlf.Length;
    }

    /// <summary>
    /// Parses a header block as the server sends it. Other clients can publish any bytes as headers, so nothing here
    /// throws: a block without the NATS/1.0 line is read as header lines only, and lines without a name are skipped.
    /// </summary>
    internal static NatsHeaders Parse(ReadOnlySequence<byte> block)
    {
        if (block.IsSingleSegment)
            return Parse(block.FirstSpan);
        var copy = ArrayPool<byte>.Shared.Rent((int)block.Length);
        try
        {
            block.CopyTo(copy);
            return Parse(copy.AsSpan(0, (int)block.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static NatsHeaders Parse(ReadOnlySpan<byte> block)
    {
        var headers = new NatsHeaders();
        var rest = block;
        if (block.StartsWith(Version))
        {
            var lineEnd = block.IndexOf(Crlf);
            headers.ReadStatus(lineEnd < 0 ? block[Version.Length..] : block[Version.Length..lineEnd]);
            rest = lineEnd < 0 ? [] : block[(lineEnd + Crlf.Length)..];
        }
        while (rest.Length > 0)
        {
            var lineEnd = rest.IndexOf(Crlf);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + Crlf.Length)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
                continue; // the terminating blank line, or a line without a name
            headers._entries.Add(new(
                Encoding.UTF8.GetString(line[..colon].Trim((byte)' ')),
                Encoding.UTF8.GetString(line[(colon + 1)..].Trim((byte)' '))));
        }
        return headers;
    }

    // " 503" or " 408 Request Timeout" after NATS/1.0.
    private void ReadStatus(ReadOnlySpan<byte> status)
    {
        status = status.Trim((byte)' ');
        if (status.Length == 0)
            return;
        var space = status.IndexOf((byte)' ');
        var code = space < 0 ? status : status[..space];
        if (Utf8Parser.TryParse(code, out int statusCode, out var consumed) && consumed == code.Length)
            StatusCode = statusCode;
        if (space > 0)
            StatusDescription = Encoding.UTF8.GetString(status[(space + 1)..].Trim((byte)' '));
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (c <= ' ' || c == ':' || c >= 127)
                throw new ArgumentException($"Header name '{name}' must be printable ASCII without spaces or ':'.", nameof(name));
        }
    }
}
