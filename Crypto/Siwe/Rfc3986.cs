using System.Net;
using System.Net.Sockets;

namespace Daarion.Crypto.Siwe;

// The RFC 3986 productions EIP-4361 builds on: scheme, authority and URI, checked character by character
// because System.Uri is deliberately lenient (it accepts spaces, Unicode and backslashes).
internal static class Rfc3986
{
    public static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0]))
            return false;
        foreach (var c in text[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
                return false;
        }
        return true;
    }

    // authority = [ userinfo "@" ] host [ ":" port ]
    public static bool IsAuthority(ReadOnlySpan<char> text, bool requireHost)
    {
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            if (!IsPctEncodedOr(text[..at], static c => IsUnreserved(c) || IsSubDelim(c) || c == ':'))
                return false;
            text = text[(at + 1)..];
        }

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> rest;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !IsIpLiteral(text[1..close]))
                return false;
            host = text[..(close + 1)];
            rest = text[(close + 1)..];
        }
        else
        {
            var colon = text.IndexOf(':');
            host = colon < 0 ? text : text[..colon];
            rest = colon < 0 ? [] : text[colon..];
            // reg-name also covers IPv4address, whose characters are a subset.
            if (!IsPctEncodedOr(host, static c => IsUnreserved(c) || IsSubDelim(c)))
                return false;
        }
        if (requireHost && host.IsEmpty)
            return false;
        return rest.IsEmpty || (rest[0] == ':' && AllOf(rest[1..], char.IsAsciiDigit));
    }

    // URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
    public static bool IsUri(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0 || !IsScheme(text[..colon]))
            return false;
        text = text[(colon + 1)..];

        var hash = text.IndexOf('#');
        if (hash >= 0)
        {
            if (!IsQueryOrFragment(text[(hash + 1)..]))
                return false;
            text = text[..hash];
        }
        var question = text.IndexOf('?');
        if (question >= 0)
        {
            if (!IsQueryOrFragment(text[(question + 1)..]))
                return false;
            text = text[..question];
        }

        if (text.StartsWith("//"))
        {
            text = text[2..];
            var slash = text.IndexOf('/');
            var authority = slash < 0 ? text : text[..slash];
            if (!IsAuthority(authority, requireHost: false))
                return false;
            text = slash < 0 ? [] : text[slash..];
        }
        // What remains is path-abempty, path-absolute, path-rootless or path-empty: segments of pchar.
        return IsPath(text);
    }

    public static bool IsPcharSequence(ReadOnlySpan<char> text) => IsPctEncodedOr(text, IsPcharExceptPercent);

    private static bool IsPath(ReadOnlySpan<char> text) => IsPctEncodedOr(text, static c => c == '/' || IsPcharExceptPercent(c));

    private static bool IsQueryOrFragment(ReadOnlySpan<char> text) =>
        IsPctEncodedOr(text, static c => c is '/' or '?' || IsPcharExceptPercent(c));

    private static bool IsIpLiteral(ReadOnlySpan<char> inner)
    {
        if (inner.StartsWith('v') || inner.StartsWith('V'))
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var dot = inner.IndexOf('.');
            return dot > 1
                && Hex.IsHex(inner[1..dot])
                && dot < inner.Length - 1
                && AllOf(inner[(dot + 1)..], static c => IsUnreserved(c) || IsSubDelim(c) || c == ':');
        }
        // A zone id ("%eth0") is not part of RFC 3986's IPv6address.
        return !inner.Contains('%')
            && IPAddress.TryParse(inner, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool IsPctEncodedOr(ReadOnlySpan<char> text, Func<char, bool> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                    return false;
                i += 2;
            }
            else if (!allowed(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AllOf(ReadOnlySpan<char> text, Func<char, bool> allowed)
    {
        foreach (var c in text)
        {
            if (!allowed(c))
                return false;
        }
        return true;
    }

    private static bool IsPcharExceptPercent(char c) => IsUnreserved(c) || IsSubDelim(c) || c is ':' or '@';

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
