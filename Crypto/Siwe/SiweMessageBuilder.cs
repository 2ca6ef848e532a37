using System.Globalization;
using System.Text;

namespace Daarion.Crypto.Siwe;

/// <summary>
/// Writes a <see cref="SiweMessage"/> as the exact EIP-4361 text a wallet signs, in the same layout as the
/// reference <c>siwe</c> library. The result is parsed back before it is returned, so the builder never
/// hands out a message the parser (or a wallet) would refuse.
/// </summary>
public static class SiweMessageBuilder
{
    /// <summary>The message text; throws <see cref="SiweFormatException"/> when a field breaks the grammar.</summary>
    public static string Build(SiweMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireSingleLine(message);
        var text = new StringBuilder();
        if (message.Scheme is not null)
            text.Append(message.Scheme).Append("://");
        text.Append(message.Domain).Append(SiweMessageParser.HeaderSuffix).Append('\n');
        text.Append(message.Address.ToString()).Append('\n');
        text.Append('\n');
        if (message.Statement is not null)
            text.Append(message.Statement).Append('\n');
        text.Append('\n');
        text.Append(SiweMessageParser.UriTag).Append(message.Uri).Append('\n');
        text.Append(SiweMessageParser.VersionTag).Append('1').Append('\n');
        text.Append(SiweMessageParser.ChainIdTag).Append(message.ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(SiweMessageParser.NonceTag).Append(message.Nonce).Append('\n');
        text.Append(SiweMessageParser.IssuedAtTag).Append(Rfc3339.Format(message.IssuedAt));
        if (message.ExpirationTime is { } expirationTime)
            text.Append('\n').Append(SiweMessageParser.ExpirationTimeTag).Append(Rfc3339.Format(expirationTime));
        if (message.NotBefore is { } notBefore)
            text.Append('\n').Append(SiweMessageParser.NotBeforeTag).Append(Rfc3339.Format(notBefore));
        if (message.RequestId is not null)
            text.Append('\n').Append(SiweMessageParser.RequestIdTag).Append(message.RequestId);
        if (message.Resources is not null)
        {
            text.Append('\n').Append(SiweMessageParser.ResourcesLine);
            foreach (var resource in message.Resources)
                text.Append('\n').Append(SiweMessageParser.ResourcePrefix).Append(resource);
        }

        var built = text.ToString();
        if (!SiweMessageParser.TryParse(built, out _, out var error))
            throw new SiweFormatException(error);
        return built;
    }

    // A line break inside a field would shift every later line (or inject fields), so the parser would
    // blame a neighbour; refusing it here names the field that carries it.
    private static void RequireSingleLine(SiweMessage message)
    {
        (string? Value, SiweField Field)[] fields =
        [
            (message.Scheme, SiweField.Scheme),
            (message.Domain, SiweField.Domain),
            (message.Statement, SiweField.Statement),
            (message.Uri, SiweField.Uri),
            (message.Nonce, SiweField.Nonce),
            (message.RequestId, SiweField.RequestId),
            .. (message.Resources ?? []).Select(resource => ((string?)resource, SiweField.Resources)),
        ];
        foreach (var (value, field) in fields)
        {
            if (value is not null && value.AsSpan().ContainsAny('\n', '\r'))
                throw new SiweFormatException(new SiweParseError(field, "contains a line break"));
        }
    }
}
