using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Acl;
using Daarion.Events.Backbone;
using Daarion.Hosting;

namespace Daarion.Events.Tests;

public sealed class AclTests
{
    private static readonly string Committed = Path.Combine(RepositoryRoot.Path, "docs", "events", "nats-authorization.conf");

    [Fact]
    public void CommittedConfiguration_IsTheGeneratedOne()
    {
        var generated = NatsAuthorizationConfig.RenderForDeployment();
        if (Environment.GetEnvironmentVariable("DAARION_REGENERATE") == "1")
            File.WriteAllText(Committed, generated);
        Assert.True(File.Exists(Committed) && File.ReadAllText(Committed) == generated,
            $"{Committed} is not what the catalog generates: run DAARION_REGENERATE=1 dotnet test tests/Events.Tests --filter CommittedConfiguration_IsTheGeneratedOne");
    }

    [Fact]
    public void EveryConsumerGroupOfSection10_HasAUser_AndSection12sServicesHaveTheirRules()
    {
        var users = ServiceAccounts.All.ToDictionary(a => a.Name);
        Assert.Equal(users.Count, ServiceAccounts.All.Count);
        foreach (var stream in Catalog.EventCatalog.Streams)
            Assert.All(stream.ConsumerGroups, g => Assert.Contains((stream.Name, g), users[g].Consumes));
        var orchestrator = users["agent-orchestrator"];
        Assert.Equal(["agent.run.*"], orchestrator.Publishes);
        Assert.Equal(["usage.agent_run.*"], orchestrator.Subscribes);
        Assert.Equal(["wallet.>"], orchestrator.Denies);
        Assert.Equal(["embassy.>"], users["embassy"].Publishes);
        Assert.Equal(["wallet.>"], users["embassy"].Denies);
    }

    [Fact]
    public async Task OnARealServer_ADeniedPublishIsRefused_AndEachServiceKeepsItsOwnRights()
    {
        using var directory = new TempDirectory();
        var config = directory.Sub("authorization.conf");
        await File.WriteAllTextAsync(config, NatsAuthorizationConfig.Render(ServiceAccounts.All, a => $"\"{Password(a.Name)}\""));
        await using var server = await NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = directory.Sub("nats"), ConfigFile = config });

        // The API host provisions the whole catalog with its own user.
        await using var host = await EventsHost.StartAsync(await SharedServers.CreateDatabaseAsync(), UrlFor(server, ServiceAccounts.ApiHost));
        var admin = await host.Get<EventBackbone>().ReadyAsync(CancellationToken.None);

        var embassyLog = new CapturingLogger();
        await using var embassy = await ConnectAsync(server, "embassy", embassyLog);
        var embassyStream = new JetStreamContext(embassy, new JetStreamOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        Assert.Equal("STREAM_EMBASSY", (await embassyStream.PublishAsync("embassy.energy.update", "{}"u8.ToArray())).Stream);

        await Assert.ThrowsAsync<NatsTimeoutException>(() => embassyStream.PublishAsync("wallet.tx.confirmed", "{}"u8.ToArray()));
        Assert.Contains(embassyLog.Messages, m => m.Contains("Permissions Violation for Publish to \"wallet.tx.confirmed\"", StringComparison.Ordinal));
        Assert.Equal(0UL, (await admin.GetStreamInfoAsync("STREAM_WALLET")).State.Messages);

        // usage reads its own group of STREAM_WALLET, not the wallet service's.
        await admin.PublishAsync("wallet.tx.sent", "{}"u8.ToArray());
        var usageLog = new CapturingLogger();
        await using var usage = await ConnectAsync(server, "usage", usageLog);
        var usageStream = new JetStreamContext(usage);
        var own = new List<JetStreamMessage>();
        await foreach (var message in usageStream.GetConsumer("STREAM_WALLET", "usage").FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromSeconds(2) }))
            own.Add(message);
        Assert.Single(own);
        await foreach (var message in usageStream.GetConsumer("STREAM_WALLET", "wallet").FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromMilliseconds(500) }))
            Assert.Fail("usage fetched from the wallet group");
        Assert.Contains(usageLog.Messages, m => m.Contains("Permissions Violation for Publish to \"$JS.API.CONSUMER.MSG.NEXT.STREAM_WALLET.wallet\"", StringComparison.Ordinal));

        // A wrong password is no way in.
        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync(new NatsOptions { Url = $"nats://embassy:wrong@127.0.0.1:{server.Port}" }));
    }

    private static string Password(string service) => "pw-" + service;

    private static string UrlFor(NatsServer server, string service) => $"nats://{service}:{Password(service)}@127.0.0.1:{server.Port}";

    private static Task<NatsConnection> ConnectAsync(NatsServer server, string service, CapturingLogger log) =>
        NatsConnection.ConnectAsync(new NatsOptions { Url = UrlFor(server, service), MaxReconnectAttempts = 0 }, log);
}
