using System.Text;

namespace Daarion.Adapters.Nats.Tests;

[Collection(SharedNatsServerCollection.Name)]
public sealed class CoreMessagingTests(SharedNatsServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConnectAsync_ReadsTheServersInfo()
    {
        await using var connection = await server.ConnectAsync();

        Assert.Equal(NatsConnectionState.Connected, connection.State);
        Assert.True(connection.ServerInfo.Headers);
        Assert.True(connection.ServerInfo.JetStream);
        Assert.Equal(1024 * 1024, connection.ServerInfo.MaxPayload);
        Assert.StartsWith("2.", connection.ServerInfo.Version, StringComparison.Ordinal);
        Assert.Equal(server.Url, connection.ConnectedServer?.ToString());
    }

    [Fact]
    public async Task PublishAsync_ReachesASubscriberOnAnotherConnection()
    {
        var subject = TestConnections.Unique("core.pub");
        await using var subscriber = await server.ConnectAsync();
        await using var publisher = await server.ConnectAsync();
        await using var subscription = await subscriber.SubscribeAsync(subject);
        await subscriber.PingAsync();

        await publisher.PublishAsync(subject, "hello"u8.ToArray());
        await publisher.PublishAsync(subject, ReadOnlyMemory<byte>.Empty);

        var first = await subscription.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        var second = await subscription.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(subject, first.Subject);
        Assert.Equal("hello", first.GetString());
        Assert.Null(first.Headers);
        Assert.Null(first.ReplyTo);
        Assert.True(second.Data.IsEmpty);
    }

    [Fact]
    public async Task PublishAsync_WithHeaders_DeliversThemInOrderWithRepeatedNames()
    {
        var subject = TestConnections.Unique("core.headers");
        await using var connection = await server.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync(subject);
        var headers = new NatsHeaders { { "Trace-Id", "abc" }, { "X-Multi", "one" }, { "X-Multi", "two" }, { "Unicode", "żółw ✓" } };

        await connection.PublishAsync(subject, "body"u8.ToArray(), headers);

        var message = await subscription.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.NotNull(message.Headers);
        Assert.Equal("abc", message.Headers["trace-id"]);
        Assert.Equal(["one", "two"], message.Headers.GetValues("X-Multi"));
        Assert.Equal("żółw ✓", message.Headers["Unicode"]);
        Assert.Null(message.Headers.StatusCode);
        Assert.Equal("body", message.GetString());
    }

    [Fact]
    public async Task SubscribeAsync_WithWildcardsAndReplySubject_DeliversSubjectAndReplyTo()
    {
        var prefix = TestConnections.Unique("core.wild");
        await using var connection = await server.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync(prefix + ".*.end");

        await connection.PublishAsync(prefix + ".a.end", "1"u8.ToArray(), replyTo: "reply.here");
        await connection.PublishAsync(prefix + ".b.end", "2"u8.ToArray());
        await connection.PublishAsync(prefix + ".c.d.end", "3"u8.ToArray());
        await connection.PublishAsync(prefix + ".c.end", "4"u8.ToArray());

        var received = await ReadAsync(subscription, 3);
        Assert.Equal([prefix + ".a.end", prefix + ".b.end", prefix + ".c.end"], received.Select(m => m.Subject));
        Assert.Equal("reply.here", received[0].ReplyTo);
        Assert.Equal(["1", "2", "4"], received.Select(m => m.GetString()));
    }

    [Fact]
    public async Task QueueGroup_EachMessageGoesToOneMember()
    {
        var subject = TestConnections.Unique("core.queue");
        await using var publisher = await server.ConnectAsync();
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        await using var a = await first.SubscribeAsync(subject, new NatsSubscribeOptions { QueueGroup = "workers" });
        await using var b = await second.SubscribeAsync(subject, new NatsSubscribeOptions { QueueGroup = "workers" });
        await first.PingAsync();
        await second.PingAsync();

        for (var i = 0; i < 200; i++)
            await publisher.PublishAsync(subject, Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await publisher.PingAsync();
        await first.PingAsync();
        await second.PingAsync();

        Assert.Equal(200, a.Messages.Count + b.Messages.Count);
        Assert.True(a.Messages.Count > 0 && b.Messages.Count > 0, $"both members get a share ({a.Messages.Count} / {b.Messages.Count})");
    }

    [Fact]
    public async Task AutoUnsubscribeAsync_EndsTheSubscriptionAfterMaxMessages()
    {
        var subject = TestConnections.Unique("core.max");
        await using var connection = await server.ConnectAsync();
        var subscription = await connection.SubscribeAsync(subject);
        await subscription.AutoUnsubscribeAsync(3);

        for (var i = 0; i < 10; i++)
            await connection.PublishAsync(subject, "x"u8.ToArray());

        Assert.Equal(3, (await subscription.ToListAsync(Patience)).Count);
    }

    [Fact]
    public async Task SubscribeAsync_WithMaxMessages_EndsAfterThem()
    {
        var subject = TestConnections.Unique("core.maxopt");
        await using var connection = await server.ConnectAsync();
        var subscription = await connection.SubscribeAsync(subject, new NatsSubscribeOptions { MaxMessages = 2 });

        for (var i = 0; i < 5; i++)
            await connection.PublishAsync(subject, "x"u8.ToArray());

        var received = await subscription.ToListAsync(Patience);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task UnsubscribeAsync_StopsDeliveryAndCompletesTheSubscription()
    {
        var subject = TestConnections.Unique("core.unsub");
        await using var connection = await server.ConnectAsync();
        var subscription = await connection.SubscribeAsync(subject);
        await using var witness = await connection.SubscribeAsync(subject);
        await connection.PublishAsync(subject, "before"u8.ToArray());
        await connection.PingAsync();

        await subscription.UnsubscribeAsync();
        await connection.PublishAsync(subject, "after"u8.ToArray());
        await connection.PingAsync();

        Assert.Equal(["before"], (await subscription.ToListAsync(Patience)).Select(m => m.GetString()));
        Assert.Equal(2, witness.Messages.Count);
    }

    [Fact]
    public async Task RequestAsync_GetsTheRespondersReply()
    {
        var subject = TestConnections.Unique("core.request");
        await using var responder = await server.ConnectAsync();
        await using var requester = await server.ConnectAsync();
        await using var service = await responder.SubscribeAsync(subject);
        await responder.PingAsync();
        var serving = Task.Run(async () =>
        {
            await foreach (var request in service)
                await request.ReplyAsync(Encoding.UTF8.GetBytes("re: " + request.GetString()), new NatsHeaders { { "Served-By", "test" } });
        });

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            requester.RequestAsync(subject, Encoding.UTF8.GetBytes($"q{i}"))));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"re: q{i}"), replies.Select(r => r.GetString()));
        Assert.All(replies, r => Assert.Equal("test", r.Headers?["Served-By"]));
        await service.UnsubscribeAsync();
        await serving.WaitAsync(Patience);
    }

    [Fact]
    public async Task RequestAsync_WithoutResponders_FailsAtOnceWithNoResponders()
    {
        await using var connection = await server.ConnectAsync();
        var subject = TestConnections.Unique("core.nobody");

        var error = await Assert.ThrowsAsync<NatsNoRespondersException>(() =>
            connection.RequestAsync(subject, timeout: TimeSpan.FromSeconds(20)).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(subject, error.Subject);
    }

    [Fact]
    public async Task RequestAsync_WhenTheResponderStaysSilent_TimesOut()
    {
        var subject = TestConnections.Unique("core.silent");
        await using var connection = await server.ConnectAsync();
        await using var silent = await connection.SubscribeAsync(subject);

        await Assert.ThrowsAsync<NatsTimeoutException>(() => connection.RequestAsync(subject, timeout: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task RequestAsync_Cancelled_ThrowsOperationCanceled()
    {
        var subject = TestConnections.Unique("core.cancel");
        await using var connection = await server.ConnectAsync();
        await using var silent = await connection.SubscribeAsync(subject);
        using var cancel = new CancellationTokenSource();

        var request = connection.RequestAsync(subject, cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public async Task PublishAsync_OverMaxPayload_IsRefusedAndTheConnectionKeepsWorking()
    {
        var subject = TestConnections.Unique("core.big");
        await using var connection = await server.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync(subject);

        var error = await Assert.ThrowsAsync<NatsPayloadTooLargeException>(() =>
            connection.PublishAsync(subject, new byte[connection.ServerInfo.MaxPayload + 1]).AsTask());
        await connection.PublishAsync(subject, new byte[connection.ServerInfo.MaxPayload]);

        Assert.Equal(connection.ServerInfo.MaxPayload, error.MaxPayload);
        var message = await subscription.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(connection.ServerInfo.MaxPayload, message.Data.Length);
    }

    [Fact]
    public async Task SlowSubscriber_DropsAndCountsWithoutStallingTheConnection()
    {
        var subject = TestConnections.Unique("core.slow");
        await using var connection = await server.ConnectAsync();
        var reported = new TaskCompletionSource<NatsSubscription>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.SlowConsumerDetected += (_, e) => reported.TrySetResult(e.Subscription);
        await using var slow = await connection.SubscribeAsync(subject, new NatsSubscribeOptions { Capacity = 10 });
        await using var fast = await connection.SubscribeAsync(subject);

        for (var i = 0; i < 100; i++)
            await connection.PublishAsync(subject, "m"u8.ToArray());
        await connection.PingAsync();

        Assert.Same(slow, await reported.Task.WaitAsync(Patience));
        Assert.Equal(10, slow.Messages.Count);
        Assert.Equal(90, slow.DroppedMessages);
        Assert.Equal(100, fast.Messages.Count);
        Assert.Equal(0, fast.DroppedMessages);
    }

    [Fact]
    public async Task DisposeAsync_FlushesPendingPublishesAndCompletesSubscriptions()
    {
        var subject = TestConnections.Unique("core.dispose");
        await using var receiver = await server.ConnectAsync();
        await using var received = await receiver.SubscribeAsync(subject);
        await receiver.PingAsync();
        var connection = await server.ConnectAsync();
        var own = await connection.SubscribeAsync(TestConnections.Unique("core.own"));

        for (var i = 0; i < 1000; i++)
            await connection.PublishAsync(subject, new byte[100]);
        await connection.DisposeAsync();

        Assert.Equal(NatsConnectionState.Closed, connection.State);
        Assert.Empty(await own.ToListAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.PublishAsync(subject).AsTask());
        await receiver.PingAsync();
        Assert.Equal(1000, received.Messages.Count);
    }

    private static async Task<List<NatsMsg>> ReadAsync(NatsSubscription subscription, int count)
    {
        var messages = new List<NatsMsg>();
        while (messages.Count < count)
            messages.Add(await subscription.Messages.ReadAsync().AsTask().WaitAsync(Patience));
        return messages;
    }
}
