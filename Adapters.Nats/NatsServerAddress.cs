namespace Daarion.Adapters.Nats;

/// <summary>One server of a NATS_URL list, with the credentials it carries (nats://user:pass@host:port or nats://token@host:port).</summary>
public sealed record NatsServerAddress(string Host, int Port, string? User = null, string? Password = null, string? Token = null)
{
    public const int DefaultPort = 4222;

    /// <summary>Parses a comma-separated NATS_URL; a bad entry throws <see cref="FormatException"/> naming it.</summary>
    public static IReadOnlyList<NatsServerAddress> ParseList(string natsUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        return [.. natsUrl.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
    }

    public static NatsServerAddress Parse(string url)
    {
        var withScheme = url.Contains("://", StringComparison.Ordinal) ? url : "nats://" + url;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls") || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(url)}' is not a NATS server URL (nats://[user:password@]host[:port]).");
        }
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        if (userInfo.Length == 0) return new NatsServerAddress(uri.Host, port);
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new NatsServerAddress(uri.Host, port, Token: userInfo)
            : new NatsServerAddress(uri.Host, port, userInfo[..colon], userInfo[(colon + 1)..]);
    }

    /// <summary>host:port, never the credentials.</summary>
    public override string ToString() => $"nats://{Host}:{Port}";

    private static string Redact(string url)
    {
        var at = url.LastIndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at < 0 ? url : url[..(scheme < 0 ? 0 : scheme + 3)] + "***@" + url[(at + 1)..];
    }
}
