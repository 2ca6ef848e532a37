namespace Daarion.Adapters.Nats;

/// <summary>Settings of a <see cref="NatsConnection"/>; <see cref="Validate"/> names every bad one.</summary>
public sealed class NatsOptions
{
    /// <summary>Comma-separated servers, as NATS_URL: <c>nats://[user:password@|token@]host[:port]</c>.</summary>
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>The client name shown in the server's monitoring.</summary>
    public string Name { get; set; } = "daarion";

    /// <summary>Used for servers whose URL carries no credentials.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    /// <summary>Whether the server sends this connection its own publishes on subjects it subscribes to.</summary>
    public bool Echo { get; set; } = true;

    /// <summary>Try the servers in the given order instead of a shuffled one.</summary>
    public bool NoRandomize { get; set; }

    /// <summary>TCP connect plus handshake, per server attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Default wait for a request's reply.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the client PINGs the server to detect a dead connection.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>PINGs left unanswered before the connection is declared stale and re-established.</summary>
    public int MaxPingsOutstanding { get; set; } = 2;

    /// <summary>Pause after the first failed round over the servers; it doubles each round up to <see cref="MaxReconnectWait"/>.</summary>
    public TimeSpan ReconnectWait { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectWait { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Up to this much is added at random to each pause, so that many clients do not return at once.</summary>
    public TimeSpan ReconnectJitter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rounds over all servers before giving up and closing; -1 retries forever.</summary>
    public int MaxReconnectAttempts { get; set; } = -1;

    /// <summary>
    /// Bytes of publishes kept while disconnected and sent after the reconnect; a publish that does not fit fails with
    /// <see cref="NatsReconnectBufferFullException"/>. 0 fails every publish while disconnected.
    /// </summary>
    public int ReconnectBufferSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Messages a subscription holds for a slow reader before it drops new ones.</summary>
    public int SubscriptionCapacity { get; set; } = 65_536;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (UrlError() is { } urlError)
            yield return $"Nats:Url: {urlError}";
        else if (Url.Contains("tls://", StringComparison.OrdinalIgnoreCase))
            yield return "Nats:Url: tls:// servers are not supported by this client.";
        if (string.IsNullOrWhiteSpace(Name)) yield return "Nats:Name must not be empty.";
        if (User is not null && Password is null) yield return "Nats:Password is required with Nats:User.";
        if (Token is not null && User is not null) yield return "Nats:Token and Nats:User exclude each other.";
        if (ConnectTimeout <= TimeSpan.Zero) yield return "Nats:ConnectTimeout must be positive.";
        if (RequestTimeout <= TimeSpan.Zero) yield return "Nats:RequestTimeout must be positive.";
        if (PingInterval <= TimeSpan.Zero) yield return "Nats:PingInterval must be positive.";
        if (MaxPingsOutstanding < 1) yield return "Nats:MaxPingsOutstanding must be at least 1.";
        if (ReconnectWait < TimeSpan.Zero) yield return "Nats:ReconnectWait must not be negative.";
        if (MaxReconnectWait < ReconnectWait) yield return "Nats:MaxReconnectWait must not be less than Nats:ReconnectWait.";
        if (ReconnectJitter < TimeSpan.Zero) yield return "Nats:ReconnectJitter must not be negative.";
        if (MaxReconnectAttempts < -1) yield return "Nats:MaxReconnectAttempts must be -1 (forever) or more.";
        if (ReconnectBufferSize < 0) yield return "Nats:ReconnectBufferSize must not be negative.";
        if (SubscriptionCapacity < 1) yield return "Nats:SubscriptionCapacity must be at least 1.";
    }

    internal IReadOnlyList<NatsServerAddress> Servers => NatsServerAddress.ParseList(Url);

    private string? UrlError()
    {
        try
        {
            _ = Servers;
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return e.Message;
        }
    }
}
