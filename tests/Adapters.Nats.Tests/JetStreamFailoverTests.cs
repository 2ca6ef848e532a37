using Daarion.Adapters.Nats.JetStream;
using Daarion.Hosting;

namespace Daarion.Adapters.Nats.Tests;

public sealed class JetStreamFailoverTests
{
    // Short enough that publishes whose acks died with a connection are retried soon, long enough for a loaded machine.
    private static readonly JetStreamOptions QuickAcks = new() { RequestTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task ServerRestartWhilePublishing_TheClientReconnectsAndNoAcknowledgedMessageIsLost()
    {
        const int count = 5000;
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection, QuickAcks);
        await js.CreateStreamAsync(new StreamConfig { Name = "RESTART", Subjects = ["restart.>"], Storage = StorageType.File });
        var publishing = new ReliablePublishing(js.CreatePublisher(maxInFlight: 256), "restart.events", count);

        var run = publishing.RunAsync();
        var acknowledgedBeforeRestart = await publishing.AcknowledgedAsync(1000);
        var back = connection.NextAsync(NatsConnectionState.Connected);
        await server.Server.RestartAsync();
        await back;
        await run.WaitAsync(StateWaiter.Patience);

        Assert.True(acknowledgedBeforeRestart < count, "the restart happened while publishing");
        await publishing.AssertAllStoredAsync(js, "RESTART");
    }

    [Fact]
    public async Task ClusterLeaderKilledWhilePublishingToAnR3Stream_EveryAcknowledgedMessageSurvives()
    {
        const int count = 3000;
        var directory = Directory.CreateTempSubdirectory("daarion-nats-cluster-").FullName;
        try
        {
            await using var cluster = await NatsServerCluster.StartAsync(directory);
            await using var admin = await TestConnections.ConnectAsync(cluster.Url);
            var adminJs = new JetStreamContext(admin);
            var created = await adminJs.CreateStreamAsync(
                new StreamConfig { Name = "HA", Subjects = ["ha.>"], NumReplicas = 3, Storage = StorageType.File });
            var leader = cluster.Servers.Single(s => s.Url == ServerUrlOf(cluster, created.Cluster?.Leader));

            // Only the leader is configured: the others must come from its INFO connect_urls.
            await using var connection = await TestConnections.ConnectAsync(leader.Url);
            var js = new JetStreamContext(connection, QuickAcks);
            var publishing = new ReliablePublishing(js.CreatePublisher(maxInFlight: 128), "ha.events", count);

            var run = publishing.RunAsync();
            var acknowledgedBeforeKill = await publishing.AcknowledgedAsync(500);
            var moved = connection.NextAsync(NatsConnectionState.Connected);
            await leader.KillAsync();
            await moved;
            await run.WaitAsync(StateWaiter.Patience);

            Assert.True(acknowledgedBeforeKill < count, "the leader died while publishing");
            Assert.NotEqual(leader.Url, connection.ConnectedServer?.ToString());
            var after = await adminJs.GetStreamInfoAsync("HA");
            Assert.NotEqual(created.Cluster?.Leader, after.Cluster?.Leader);
            await publishing.AssertAllStoredAsync(adminJs, "HA");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // NatsServerCluster names its members <cluster>-n1, -n2…, in the order of Servers.
    private static string ServerUrlOf(NatsServerCluster cluster, string? serverName)
    {
        Assert.NotNull(serverName);
        return cluster.Servers[int.Parse(serverName[(serverName.LastIndexOf('n') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1].Url;
    }
}
