using System.Globalization;

namespace Daarion.Adapters.Nats.Protocol;

// The servers to (re)connect to: the configured ones (shuffled unless told not to) and those the cluster announces
// in INFO connect_urls. The server last connected to goes to the end, so a reconnect tries the others first.
internal sealed class ServerPool
{
    private readonly Lock _lock = new();
    private readonly List<NatsServerAddress> _servers;
    // Announced servers come without credentials: they get those of the first configured server that has any.
    private readonly NatsServerAddress? _credentials;

    public ServerPool(IReadOnlyList<NatsServerAddress> configured, bool randomize)
    {
        var servers = configured.ToArray();
        if (randomize)
            Random.Shared.Shuffle(servers);
        _servers = [.. servers];
        _credentials = configured.FirstOrDefault(s => s.User is not null || s.Token is not null);
    }

    public IReadOnlyList<NatsServerAddress> Snapshot()
    {
        lock (_lock)
            return [.. _servers];
    }

    public void MarkConnected(NatsServerAddress server)
    {
        lock (_lock)
        {
            if (_servers.Remove(server))
                _servers.Add(server);
        }
    }

    /// <summary>Adds announced host:port entries not known yet; returns the added ones.</summary>
    public IReadOnlyList<NatsServerAddress> AddDiscovered(IEnumerable<string> hostPorts)
    {
        List<NatsServerAddress> added = [];
        lock (_lock)
        {
            foreach (var hostPort in hostPorts)
            {
                if (Parse(hostPort) is not { } address || _servers.Exists(s => SameEndpoint(s, address)))
                    continue;
                _servers.Insert(0, address);
                added.Add(address);
            }
        }
        return added;
    }

    private NatsServerAddress? Parse(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            return null;
        var host = hostPort[..colon].Trim('[', ']');
        return new NatsServerAddress(host, port, _credentials?.User, _credentials?.Password, _credentials?.Token);
    }

    private static bool SameEndpoint(NatsServerAddress a, NatsServerAddress b) =>
        a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
