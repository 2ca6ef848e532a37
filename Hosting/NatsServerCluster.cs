using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Daarion.Hosting;

/// <summary>
/// Private nats-servers with JetStream forming one cluster on 127.0.0.1 (distinct client, route and monitoring ports,
/// a store directory and a server name each), for tests of replication and failover.
/// </summary>
public sealed class NatsServerCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    // Loopback only: never through an http_proxy from the environment.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };

    private NatsServerCluster(IReadOnlyList<NatsServer> servers) => Servers = servers;

    public IReadOnlyList<NatsServer> Servers { get; }

    /// <summary>Every member's client URL, comma-separated, as NATS_URL takes them.</summary>
    public string Url => string.Join(',', Servers.Select(s => s.Url));

    /// <summary>
    /// Starts <paramref name="size"/> members together under <paramref name="directory"/> (n1, n2…) and returns once
    /// every member knows the JetStream meta leader, so streams can be created at once.
    /// </summary>
    public static async Task<NatsServerCluster> StartAsync(
        string directory, int size = 3, string name = "daarion", ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var routePorts = DistinctFreePorts(size);
        var starting = Enumerable.Range(0, size).Select(i => NatsServer.StartAsync(
            new NatsServerOptions
            {
                StoreDirectory = Path.Combine(directory, $"n{i + 1}"),
                ServerName = $"{name}-n{i + 1}",
                Cluster = new NatsServerClusterOptions { Name = name, Port = routePorts[i], Routes = [.. routePorts.Where((_, j) => j != i)] },
            },
            logger,
            ct)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                await started.Result.DisposeAsync();
            throw;
        }

        var cluster = new NatsServerCluster([.. starting.Select(t => t.Result)]);
        try
        {
            await cluster.WaitForMetaLeaderAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
            await server.DisposeAsync();
    }

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
            ports.Add(FreePort.Next());
        return [.. ports];
    }

    // /healthz answers OK before the members have found each other; /jsz names the meta leader once they have.
    private async Task WaitForMetaLeaderAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answers = await Task.WhenAll(Servers.Select(s => MetaLeaderAsync(s, ct)));
            if (answers.All(leader => leader is not null))
                return;
            if (clock.Elapsed > ReadyTimeout)
                throw new TimeoutException($"The nats-server cluster elected no JetStream meta leader within {ReadyTimeout.TotalSeconds} s.");
            await Task.Delay(100, ct);
        }
    }

    private async Task<string?> MetaLeaderAsync(NatsServer server, CancellationToken ct)
    {
        try
        {
            await using var body = await Http.GetStreamAsync(new Uri($"http://127.0.0.1:{server.MonitorPort}/jsz"), ct);
            using var jsz = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return jsz.RootElement.TryGetProperty("meta_cluster", out var meta)
                && meta.TryGetProperty("cluster_size", out var size) && size.GetInt32() == Servers.Count
                && meta.TryGetProperty("leader", out var leader) && leader.GetString() is { Length: > 0 } name
                ? name
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
