using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

// Each test has its own server: the first watches all inbox traffic, the second freezes the server.
public sealed class HeartbeatTests
{
    [Fact]
    public async Task FetchAsync_WithIdleHeartbeats_ConsumesThemAndEndsAtExpiry()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await using var observer = await server.ConnectAsync();
        await using var inboxes = await observer.SubscribeAsync("_INBOX.>");
        await observer.PingAsync();
        var js = new JetStreamContext(connection);
        await js.CreateStreamAsync(new StreamConfig { Name = "HB", Subjects = ["hb"] });
        await js.CreateOrUpdateConsumerAsync("HB", new ConsumerConfig { DurableName = "c" });

        var batch = await PullConsumerTests.FetchAllAsync(
            js.GetConsumer("HB", "c"), new FetchOptions { MaxMessages = 5, Expires = TimeSpan.FromSeconds(2), IdleHeartbeat = TimeSpan.FromMilliseconds(500) });

        Assert.Empty(batch);
        await observer.PingAsync();
        var statuses = new List<int?>();
        while (inboxes.Messages.TryRead(out var message))
            statuses.Add(message.Headers?.StatusCode);
        Assert.True(statuses.Count(s => s == 100) >= 2, $"heartbeats seen: {string.Join(",", statuses)}");
        Assert.Contains(408, statuses);
    }

    [Fact]
    public async Task FetchAsync_WhenHeartbeatsStop_FailsWithoutWaitingForTheExpiry()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await using var observer = await server.ConnectAsync();
        await using var inboxes = await observer.SubscribeAsync("_INBOX.>");
        await observer.PingAsync();
        var js = new JetStreamContext(connection);
        await js.CreateStreamAsync(new StreamConfig { Name = "HB", Subjects = ["hb"] });
        await js.CreateOrUpdateConsumerAsync("HB", new ConsumerConfig { DurableName = "c" });

        var fetch = PullConsumerTests.FetchAllAsync(
            js.GetConsumer("HB", "c"), new FetchOptions { Expires = TimeSpan.FromSeconds(60), IdleHeartbeat = TimeSpan.FromMilliseconds(250) });
        await foreach (var message in inboxes)
        {
            if (message.Headers?.StatusCode == 100)
                break; // the pull is established and beating
        }
        server.Server.Pause();
        try
        {
            var error = await Assert.ThrowsAsync<JetStreamNoHeartbeatException>(() => fetch.WaitAsync(StateWaiter.Patience));
            Assert.Equal(TimeSpan.FromMilliseconds(250), error.IdleHeartbeat);
        }
        finally
        {
            server.Server.Resume();
        }
    }
}
