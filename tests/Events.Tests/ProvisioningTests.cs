using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Backbone;
using Daarion.Events.Catalog;
using Daarion.Hosting;
using Npgsql;

namespace Daarion.Events.Tests;

public sealed class ProvisioningTests
{
    [Fact]
    public async Task Start_ProvisionsEveryStreamOnFileStorage_WithItsSubjectsRetentionAndDuplicateWindow_AndTheConsumerGroups()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var host = await StartAsync(nats.Url, new Dictionary<string, string?> { ["Events:DuplicateWindow"] = "00:05:00" });
        var jetStream = await host.Get<EventBackbone>().ReadyAsync(CancellationToken.None);

        foreach (var stream in EventCatalog.Streams)
        {
            var config = (await jetStream.GetStreamInfoAsync(stream.Name)).Config;
            Assert.Equal(stream.Subjects, config.Subjects);
            Assert.Equal(StorageType.File, config.Storage);
            Assert.Equal(RetentionPolicy.Limits, config.Retention);
            Assert.Equal(stream.MaxAge, config.MaxAge ?? TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromMinutes(5), config.DuplicateWindow);
            Assert.Equal(1, config.NumReplicas);
            foreach (var group in stream.ConsumerGroups)
            {
                var consumer = await jetStream.GetConsumerInfoAsync(stream.Name, group);
                Assert.Equal((group, AckPolicy.Explicit, DeliverPolicy.All), (consumer.Config.DurableName, consumer.Config.AckPolicy, consumer.Config.DeliverPolicy));
            }
        }
        Assert.Equal(TimeSpan.FromDays(7 * 365), (await jetStream.GetStreamInfoAsync("STREAM_WALLET")).Config.MaxAge);
    }

    [Fact]
    public async Task NextStart_IsIdempotent_KeepsTheMessages_AndAppliesAChangedRetention()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using (var first = await StartAsync(nats.Url))
        {
            var jetStream = await first.Get<EventBackbone>().ReadyAsync(CancellationToken.None);
            await jetStream.PublishAsync("telemetry.event", "{}"u8.ToArray());
        }

        await using var second = await StartAsync(nats.Url, new Dictionary<string, string?> { ["Events:MaxAge:STREAM_TELEMETRY"] = "7.00:00:00" });
        var info = await (await second.Get<EventBackbone>().ReadyAsync(CancellationToken.None)).GetStreamInfoAsync("STREAM_TELEMETRY");
        Assert.Equal(TimeSpan.FromDays(7), info.Config.MaxAge);
        Assert.Equal(1UL, info.State.Messages);
    }

    [Fact]
    public async Task OnAThreeNodeCluster_WithThreeReplicas_EveryStreamHasThreeReplicas()
    {
        using var directory = new TempDirectory();
        await using var cluster = await NatsServerCluster.StartAsync(directory.Path);
        await using var host = await StartAsync(cluster.Url, new Dictionary<string, string?> { ["Events:Replicas"] = "3" });
        var jetStream = await host.Get<EventBackbone>().ReadyAsync(CancellationToken.None);

        foreach (var stream in EventCatalog.Streams)
        {
            var info = await jetStream.GetStreamInfoAsync(stream.Name);
            Assert.Equal(3, info.Config.NumReplicas);
            Assert.Equal(2, info.Cluster?.Replicas?.Count);
        }
    }

    [Theory]
    [InlineData("Events:Replicas", "0", "Events:Replicas must be between 1 and 5.")]
    [InlineData("Events:DuplicateWindow", "00:00:00.010", "Events:DuplicateWindow must be at least 100 ms.")]
    [InlineData("Events:MaxAge:STREAM_NOPE", "1.00:00:00", "Events:MaxAge:STREAM_NOPE names no stream of the catalog.")]
    [InlineData("Events:MaxAge:STREAM_TELEMETRY", "00:01:00", "Events:DuplicateWindow must not exceed the retention of STREAM_TELEMETRY (00:01:00).")]
    [InlineData("Events:Relay:MaxInFlight", "0", "Events:Relay:MaxInFlight must be at least 1.")]
    public async Task InvalidSettings_StopTheStart_NamingTheOption(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("nats://127.0.0.1:1", new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task<EventsHost> StartAsync(string natsUrl, IReadOnlyDictionary<string, string?>? settings = null) =>
        await EventsHost.StartAsync(await SharedServers.CreateDatabaseAsync(), natsUrl, settings);
}
