using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Siwe;

/// <summary>
/// A strict parser of the EIP-4361 message grammar: lines in the prescribed order, separated by a single
/// LF, no trailing newline, every field checked against its ABNF rule. The first violation is reported
/// with the field it concerns.
/// </summary>
public static class SiweMessageParser
{
    internal const string HeaderSuffix = " wants you to sign in with your Ethereum account:";
    internal const string UriTag = "URI: ";
    internal const string VersionTag = "Version: ";
    internal const string ChainIdTag = "Chain ID: ";
    internal const string NonceTag = "Nonce: ";
    internal const string IssuedAtTag = "Issued At: ";
    internal const string ExpirationTimeTag = "Expiration Time: ";
    internal const string NotBeforeTag = "Not Before: ";
    internal const string RequestIdTag = "Request ID: ";
    internal const string ResourcesLine = "Resources:";
    internal const string ResourcePrefix = "- ";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the field and line.</summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out SiweMessage? message,
        [NotNullWhen(false)] out SiweParseError? error)
    {
        message = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new SiweParseError(SiweField.Message, "line 1 is missing: the message is empty");
            return false;
        }
        error = Parse(new Lines(text), out message);
        return error is null;
    }

    /// <summary>Parses <paramref name="text"/>, throwing <see cref="SiweFormatException"/> on failure.</summary>
    public static SiweMessage Parse(string text) =>
        TryParse(text, out var message, out var error) ? message : throw new SiweFormatException(error);

    private static SiweParseError? Parse(Lines lines, out SiweMessage? message)
    {
        message = null;

        var header = lines.Next();
        if (header is null || !header.EndsWith(HeaderSuffix, StringComparison.Ordinal))
            return lines.Error(SiweField.Message, $"must end with \"{HeaderSuffix.TrimStart()}\"");
        var origin = header[..^HeaderSuffix.Length];
        string? scheme = null;
        var separator = origin.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = origin[..separator];
            origin = origin[(separator + 3)..];
            if (!Rfc3986.IsScheme(scheme))
                return lines.Error(SiweField.Scheme, "is not an RFC 3986 scheme");
        }
        if (!Rfc3986.IsAuthority(origin, requireHost: true))
            return lines.Error(SiweField.Domain, "is not an RFC 3986 authority");

        var addressLine = lines.Next();
        if (!EthereumAddress.IsChecksumEncoded(addressLine))
            return lines.Error(SiweField.Address, "must be 0x and 40 hex digits in EIP-55 checksum case");
        var address = EthereumAddress.Parse(addressLine!);

        if (lines.Next() != string.Empty)
            return lines.Error(SiweField.Message, "must be empty (after the address)");

        // Three shapes: no statement (two blank lines), "statement" between blank lines, or an empty
        // statement (three blank lines), which some libraries write for statement = "".
        string? statement;
        var afterAddress = lines.Next();
        if (afterAddress is null)
            return lines.Error(SiweField.Message, "must follow the address (the message ends too early)");
        if (afterAddress.Length == 0)
        {
            statement = lines.Peek() == string.Empty ? string.Empty : null;
            if (statement is not null)
                lines.Next();
        }
        else
        {
            statement = afterAddress;
            if (!IsStatement(statement))
                return lines.Error(SiweField.Statement, "may hold only RFC 3986 reserved or unreserved characters and spaces");
            if (lines.Next() != string.Empty)
                return lines.Error(SiweField.Message, "must be empty (after the statement; without a statement, two empty lines follow the address)");
        }

        if (lines.Tagged(UriTag) is not { } uri || !Rfc3986.IsUri(uri))
            return lines.Error(SiweField.Uri, $"must be \"{UriTag}\" and an RFC 3986 URI");
        if (lines.Tagged(VersionTag) is not "1")
            return lines.Error(SiweField.Version, $"must be \"{VersionTag}1\"");
        if (lines.Tagged(ChainIdTag) is not { } chainIdText || !IsDigits(chainIdText)
            || !ulong.TryParse(chainIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
            return lines.Error(SiweField.ChainId, $"must be \"{ChainIdTag}\" and a decimal number below 2^64");
        if (lines.Tagged(NonceTag) is not { } nonce || !SiweNonce.IsValid(nonce))
            return lines.Error(SiweField.Nonce, $"must be \"{NonceTag}\" and at least 8 ASCII letters or digits");
        if (lines.Tagged(IssuedAtTag) is not { } issuedAtText || !Rfc3339.TryParse(issuedAtText, out var issuedAt))
            return lines.Error(SiweField.IssuedAt, $"must be \"{IssuedAtTag}\" and an RFC 3339 date-time");

        DateTimeOffset? expirationTime = null;
        if (lines.OptionalTagged(ExpirationTimeTag) is { } expirationText)
        {
            if (!Rfc3339.TryParse(expirationText, out var value))
                return lines.Error(SiweField.ExpirationTime, "must be an RFC 3339 date-time");
            expirationTime = value;
        }
        DateTimeOffset? notBefore = null;
        if (lines.OptionalTagged(NotBeforeTag) is { } notBeforeText)
        {
            if (!Rfc3339.TryParse(notBeforeText, out var value))
                return lines.Error(SiweField.NotBefore, "must be an RFC 3339 date-time");
            notBefore = value;
        }
        var requestId = lines.OptionalTagged(RequestIdTag);
        if (requestId is not null && !Rfc3986.IsPcharSequence(requestId))
            return lines.Error(SiweField.RequestId, "may hold only RFC 3986 pchar characters");

        List<string>? resources = null;
        if (lines.Peek() == ResourcesLine)
        {
            lines.Next();
            resources = [];
            while (lines.Peek() is { } line && line.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                lines.Next();
                var resource = line[ResourcePrefix.Length..];
                if (!Rfc3986.IsUri(resource))
                    return lines.Error(SiweField.Resources, "must be \"- \" and an RFC 3986 URI");
                resources.Add(resource);
            }
        }

        if (lines.Peek() is not null)
        {
            lines.Next();
            return lines.Error(Misplaced(lines.Current!), "is not expected here (fields have a fixed order and the message ends without a newline)");
        }

        message = new SiweMessage
        {
            Scheme = scheme,
            Domain = origin,
            Address = address,
            Statement = statement,
            Uri = uri,
            ChainId = chainId,
            Nonce = nonce,
            IssuedAt = issuedAt,
            ExpirationTime = expirationTime,
            NotBefore = notBefore,
            RequestId = requestId,
            Resources = resources,
        };
        return null;
    }

    // Names the field a stray line belongs to, so "Not Before before Expiration Time" reads as a NotBefore error.
    private static SiweField Misplaced(string line) => line switch
    {
        _ when line.StartsWith(ExpirationTimeTag, StringComparison.Ordinal) => SiweField.ExpirationTime,
        _ when line.StartsWith(NotBeforeTag, StringComparison.Ordinal) => SiweField.NotBefore,
        _ when line.StartsWith(RequestIdTag, StringComparison.Ordinal) => SiweField.RequestId,
        _ when line.StartsWith(ResourcesLine, StringComparison.Ordinal) || line.StartsWith(ResourcePrefix, StringComparison.Ordinal) => SiweField.Resources,
        _ => SiweField.Message,
    };

    // statement = *( reserved / unreserved / " " ): printable ASCII without " % < > \ ^ ` { | }.
    private static bool IsStatement(string statement)
    {
        foreach (var c in statement)
        {
            if (c is < ' ' or > '~' or '"' or '%' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}')
                return false;
        }
        return true;
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    // A cursor over the LF-separated lines that knows its 1-based line number for error messages.
    private sealed class Lines(string text)
    {
        private readonly string[] _lines = text.Split('\n');
        private int _next;

        public string? Current => _next > 0 && _next <= _lines.Length ? _lines[_next - 1] : null;

        public string? Peek() => _next < _lines.Length ? _lines[_next] : null;

        public string? Next() => _next < _lines.Length ? _lines[_next++] : Overrun();

        // A required "Tag: value" line: the value, or null when the line is missing or has another tag.
        public string? Tagged(string tag)
        {
            var line = Next();
            return line is not null && line.StartsWith(tag, StringComparison.Ordinal) ? line[tag.Length..] : null;
        }

        // An optional "Tag: value" line: consumed only when present.
        public string? OptionalTagged(string tag) =>
            Peek() is { } line && line.StartsWith(tag, StringComparison.Ordinal) ? Tagged(tag) : null;

        public SiweParseError Error(SiweField field, string reason) =>
            new(field, _next > _lines.Length ? $"missing line {_next}: {reason}" : $"line {_next} {reason}");

        private string? Overrun()
        {
            // Past the end, keep counting so the error names the missing line's number.
            _next++;
            return null;
        }
    }
}
