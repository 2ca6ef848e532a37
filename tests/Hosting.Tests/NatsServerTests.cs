using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

using Daarion.Testing;

namespace Daarion.Hosting.Tests;

public sealed class NatsServerTests : IDisposable
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly TempDirectory _temp = new();

    private NatsServerOptions Options => new() { StoreDirectory = Path.Combine(_temp.Path, "nats") };

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StartAsync_AnswersHealthzAndGreetsClientsWithInfo()
    {
        await using var server = await NatsServer.StartAsync(Options);

        using var health = await Http.GetAsync(new Uri($"http://127.0.0.1:{server.MonitorPort}/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("INFO ", await ReadGreetingAsync(server.Port), StringComparison.Ordinal);
        Assert.Equal($"nats://127.0.0.1:{server.Port}", server.Url);
        Assert.True(Directory.Exists(Path.Combine(Options.StoreDirectory, "jetstream")), "JetStream stores under -sd");
    }

    [Fact]
    public async Task StartAsync_PassesConfigFileServerNameAndExtraArgumentsThrough()
    {
        var config = Path.Combine(_temp.Path, "nats.conf");
        await File.WriteAllTextAsync(config, "max_payload: 65536\n");

        await using var server = await NatsServer.StartAsync(
            Options with { ConfigFile = config, ServerName = "hosting-test", ExtraArguments = ["--auth", "s3cret"] });

        var info = await ReadGreetingAsync(server.Port);
        Assert.Contains("\"max_payload\":65536", info, StringComparison.Ordinal);
        Assert.Contains("\"server_name\":\"hosting-test\"", info, StringComparison.Ordinal);
        Assert.Contains("\"auth_required\":true", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartAsync_ServesAgainOnTheSamePorts()
    {
        await using var server = await NatsServer.StartAsync(Options);
        var (port, monitorPort) = (server.Port, server.MonitorPort);

        await server.RestartAsync();

        Assert.Equal((port, monitorPort), (server.Port, server.MonitorPort));
        Assert.StartsWith("INFO ", await ReadGreetingAsync(server.Port), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsyncAndKillAsync_CloseTheClientPort()
    {
        var stopped = await NatsServer.StartAsync(Options);
        var killed = await NatsServer.StartAsync(Options with { StoreDirectory = Path.Combine(_temp.Path, "nats2") });

        await stopped.StopAsync();
        await stopped.StopAsync();
        await killed.KillAsync();
        await killed.DisposeAsync();

        Assert.False(Ports.Accepts(stopped.Port));
        Assert.False(Ports.Accepts(killed.Port));
    }

    [Fact]
    public async Task PauseAndResume_FreezeAndThawTheServer()
    {
        await using var server = await NatsServer.StartAsync(Options);
        using var client = new TcpClient();

        server.Pause();
        try
        {
            // The kernel still accepts the connection, but the frozen server sends no INFO.
            await client.ConnectAsync(IPAddress.Loopback, server.Port);
            using var reader = new StreamReader(client.GetStream());
            var greeting = reader.ReadLineAsync();
            await Task.WhenAny(greeting, Task.Delay(300));
            if (greeting.IsCompleted) Assert.Fail($"a paused server answers nothing, but it sent: {await greeting ?? "end of stream"}");

            server.Resume();
            Assert.StartsWith("INFO ", await greeting.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        }
        finally
        {
            server.Resume();
        }
    }

    [Fact]
    public async Task StopAsync_OfAPausedServer_StopsIt()
    {
        var server = await NatsServer.StartAsync(Options);

        server.Pause();
        await server.StopAsync();

        Assert.False(Ports.Accepts(server.Port));
    }

    [Fact]
    public async Task Cluster_StartAsync_FormsAJetStreamClusterOfDistinctMembers()
    {
        await using var cluster = await NatsServerCluster.StartAsync(Path.Combine(_temp.Path, "cluster"), size: 3, name: "hosting");

        var greetings = await Task.WhenAll(cluster.Servers.Select(s => ReadGreetingAsync(s.Port)));
        using var jsz = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{cluster.Servers[0].MonitorPort}/jsz")));

        Assert.Equal(3, cluster.Servers.Select(s => s.Port).Distinct().Count());
        Assert.Equal(string.Join(',', cluster.Servers.Select(s => s.Url)), cluster.Url);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"\"server_name\":\"hosting-n{i + 1}\"", greetings[i], StringComparison.Ordinal);
            Assert.Contains("\"cluster\":\"hosting\"", greetings[i], StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(_temp.Path, "cluster", $"n{i + 1}", "jetstream")), $"n{i + 1} has its own store");
        }
        var meta = jsz.RootElement.GetProperty("meta_cluster");
        Assert.Equal(3, meta.GetProperty("cluster_size").GetInt32());
        Assert.StartsWith("hosting-n", meta.GetProperty("leader").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> ReadGreetingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        using var reader = new StreamReader(client.GetStream());
        return await reader.ReadLineAsync() ?? "";
    }
}
