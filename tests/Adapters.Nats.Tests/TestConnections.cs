namespace Daarion.Adapters.Nats.Tests;

internal static class TestConnections
{
    // Generous timeouts (a loaded CI machine must not fail tests), quick reconnects (tests restart servers).
    public static Task<NatsConnection> ConnectAsync(string url, Action<NatsOptions>? configure = null)
    {
        var options = new NatsOptions
        {
            Url = url,
            Name = "daarion-tests",
            NoRandomize = true,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            RequestTimeout = TimeSpan.FromSeconds(10),
            ReconnectWait = TimeSpan.FromMilliseconds(50),
            MaxReconnectWait = TimeSpan.FromMilliseconds(500),
            ReconnectJitter = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return NatsConnection.ConnectAsync(options);
    }

    public static Task<NatsConnection> ConnectAsync(this PrivateNatsServer server, Action<NatsOptions>? configure = null) =>
        ConnectAsync(server.Url, configure);

    public static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid():N}";
}
