using System.Diagnostics;
using System.Globalization;
using System.Text;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

[Collection(SharedNatsServerCollection.Name)]
public sealed class PullConsumerTests(SharedNatsServer server)
{
    [Fact]
    public async Task FetchAsync_ReturnsAFullBatchInOrderWithMetadata()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 10);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });

        var batch = await FetchAllAsync(js.GetConsumer(stream, "c"), new FetchOptions { MaxMessages = 4 });

        Assert.Equal(["0", "1", "2", "3"], batch.Select(m => m.GetString()));
        var metadata = batch[3].Metadata;
        Assert.Equal((stream, "c", 4ul, 4ul, 1ul, 6ul), (metadata.Stream, metadata.Consumer, metadata.StreamSequence, metadata.ConsumerSequence, metadata.NumDelivered, metadata.NumPending));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - metadata.Timestamp).TotalMinutes) < 5);
        Assert.Equal(stream + ".m", batch[0].Subject);
    }

    [Fact]
    public async Task FetchAsync_WithFewerMessagesThanTheBatch_EndsWhenTheRequestExpires()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 2);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var clock = Stopwatch.StartNew();

        var batch = await FetchAllAsync(js.GetConsumer(stream, "c"), new FetchOptions { MaxMessages = 10, Expires = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(2, batch.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task FetchReadyAsync_ReturnsAMessagePublishedWhileWaiting_WithoutWaitingOutTheLongPoll()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 0);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var clock = Stopwatch.StartNew();

        var fetch = js.GetConsumer(stream, "c").FetchReadyAsync(100, TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        await js.PublishAsync(stream + ".m", "late"u8.ToArray());
        var batch = await fetch.WaitAsync(StateWaiter.Patience);

        Assert.Equal(["late"], batch.Select(m => m.GetString()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task FetchReadyAsync_TakesWhatIsReady_UpToTheBatch()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 5);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var consumer = js.GetConsumer(stream, "c");

        var first = await consumer.FetchReadyAsync(3, TimeSpan.FromSeconds(20));
        foreach (var message in first) await message.AckAsync();
        var second = await consumer.FetchReadyAsync(3, TimeSpan.FromSeconds(20));

        Assert.Equal(["0", "1", "2"], first.Select(m => m.GetString()));
        Assert.Equal(["3", "4"], second.Select(m => m.GetString()));
    }

    [Fact]
    public async Task FetchAsync_NoWaitOnAnEmptyConsumer_EndsAtOnce()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 0);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var clock = Stopwatch.StartNew();

        var batch = await FetchAllAsync(js.GetConsumer(stream, "c"), new FetchOptions { MaxMessages = 10, NoWait = true });

        Assert.Empty(batch);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_NoWaitWithSomeMessages_ReturnsThemAtOnce()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 3);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });

        var batch = await FetchAllAsync(js.GetConsumer(stream, "c"), new FetchOptions { MaxMessages = 10, NoWait = true });

        Assert.Equal(3, batch.Count);
    }

    [Fact]
    public async Task FetchAsync_WhenTheConsumerIsDeletedDuringThePull_FailsWith409()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 0);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var consumer = js.GetConsumer(stream, "c");

        var fetch = FetchAllAsync(consumer, new FetchOptions { MaxMessages = 5, Expires = TimeSpan.FromSeconds(20) });
        await Eventually.TrueAsync(async () => (await consumer.GetInfoAsync()).NumWaiting == 1, "the pull is waiting on the server");
        await js.DeleteConsumerAsync(stream, "c");

        var error = await Assert.ThrowsAsync<JetStreamPullException>(() => fetch.WaitAsync(StateWaiter.Patience));
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("Consumer Deleted", error.Description);
    }

    [Fact]
    public async Task FetchAsync_BeyondMaxWaiting_FailsWith409()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 0);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c", MaxWaiting = 1 });
        var consumer = js.GetConsumer(stream, "c");
        var waiting = FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromSeconds(2) });
        await Eventually.TrueAsync(async () => (await consumer.GetInfoAsync()).NumWaiting == 1, "the first pull is waiting");

        var error = await Assert.ThrowsAsync<JetStreamPullException>(() => FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromSeconds(2) }));

        Assert.Equal(409, error.StatusCode);
        Assert.Contains("MaxWaiting", error.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await waiting.WaitAsync(StateWaiter.Patience));
    }

    [Fact]
    public async Task FetchAsync_WithInvalidOptions_NamesThem()
    {
        await using var connection = await server.ConnectAsync();
        var consumer = new JetStreamContext(connection).GetConsumer("S", "c");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromSeconds(1), IdleHeartbeat = TimeSpan.FromSeconds(1) }));

        Assert.Contains("Fetch:IdleHeartbeat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AckAsync_SettlesTheMessage()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 1);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var consumer = js.GetConsumer(stream, "c");
        var message = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));

        await message.AckAsync();

        await Eventually.TrueAsync(async () => (await consumer.GetInfoAsync()).NumAckPending == 0, "the ack is applied");
        Assert.Equal(1ul, (await consumer.GetInfoAsync()).AckFloor.StreamSeq);
        await Assert.ThrowsAsync<InvalidOperationException>(() => message.AckAsync().AsTask());
    }

    [Fact]
    public async Task DoubleAckAsync_ReturnsOnceTheServerAppliedTheAck()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 3);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c" });
        var consumer = js.GetConsumer(stream, "c");

        foreach (var message in await FetchAllAsync(consumer, new FetchOptions { MaxMessages = 3, NoWait = true }))
            await message.DoubleAckAsync();

        var info = await consumer.GetInfoAsync();
        Assert.Equal(0, info.NumAckPending);
        Assert.Equal(3ul, info.AckFloor.StreamSeq);
    }

    [Fact]
    public async Task NakAsync_WithADelay_RedeliversAfterIt()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 1);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c", AckWait = TimeSpan.FromSeconds(30) });
        var consumer = js.GetConsumer(stream, "c");
        var first = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));
        var clock = Stopwatch.StartNew();

        await first.NakAsync(TimeSpan.FromMilliseconds(600));
        var again = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromSeconds(10) }));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"redelivered after {clock.Elapsed}");
        Assert.Equal((1ul, 2ul), (again.Metadata.StreamSequence, again.Metadata.NumDelivered));
        await again.AckAsync();
    }

    [Fact]
    public async Task NakAsync_WithoutADelay_RedeliversAtOnce()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 1);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c", AckWait = TimeSpan.FromSeconds(30) });
        var consumer = js.GetConsumer(stream, "c");
        var first = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));

        await first.NakAsync();
        var again = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromSeconds(10) }));

        Assert.Equal(2ul, again.Metadata.NumDelivered);
    }

    [Fact]
    public async Task InProgressAsync_KeepsTheMessageFromBeingRedelivered()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 1);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c", AckWait = TimeSpan.FromSeconds(2) });
        var consumer = js.GetConsumer(stream, "c");
        var message = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));

        // Well past the ack wait, with a +WPI every 300 ms: the ack wait keeps restarting (margins for a loaded machine).
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(300);
            await message.InProgressAsync();
        }
        await connection.PingAsync();

        Assert.Empty(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));
        Assert.Equal(0, (await consumer.GetInfoAsync()).NumRedelivered);
        await message.DoubleAckAsync();
    }

    [Fact]
    public async Task TermAsync_StopsRedelivery()
    {
        await using var connection = await server.ConnectAsync();
        var (js, stream) = await StreamWithMessagesAsync(connection, 1);
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "c", AckWait = TimeSpan.FromMilliseconds(300) });
        var consumer = js.GetConsumer(stream, "c");
        var message = Assert.Single(await FetchAllAsync(consumer, new FetchOptions { NoWait = true }));

        await message.TermAsync();

        await Eventually.TrueAsync(async () => (await consumer.GetInfoAsync()).NumAckPending == 0, "the term is applied");
        Assert.Empty(await FetchAllAsync(consumer, new FetchOptions { Expires = TimeSpan.FromMilliseconds(800) }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => message.InProgressAsync().AsTask());
    }

    [Fact]
    public async Task Consumer_WithAWorkQueue_RemovesAcknowledgedMessages()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var stream = "W" + Guid.NewGuid().ToString("N")[..12];
        await js.CreateStreamAsync(new StreamConfig { Name = stream, Subjects = [stream], Retention = RetentionPolicy.WorkQueue });
        await js.PublishAsync(stream, "job"u8.ToArray());
        await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DurableName = "workers" });

        var job = Assert.Single(await FetchAllAsync(js.GetConsumer(stream, "workers"), new FetchOptions { NoWait = true }));
        await job.DoubleAckAsync();

        Assert.Equal(0ul, (await js.GetStreamInfoAsync(stream)).State.Messages);
    }

    private static async Task<(JetStreamContext Js, string Stream)> StreamWithMessagesAsync(NatsConnection connection, int count)
    {
        var js = new JetStreamContext(connection);
        var stream = "C" + Guid.NewGuid().ToString("N")[..12];
        await js.CreateStreamAsync(new StreamConfig { Name = stream, Subjects = [stream + ".>"] });
        for (var i = 0; i < count; i++)
            await js.PublishAsync(stream + ".m", Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture)));
        return (js, stream);
    }

    internal static async Task<List<JetStreamMessage>> FetchAllAsync(JetStreamConsumer consumer, FetchOptions options)
    {
        using var deadline = new CancellationTokenSource(StateWaiter.Patience);
        var messages = new List<JetStreamMessage>();
        await foreach (var message in consumer.FetchAsync(options, deadline.Token))
            messages.Add(message);
        return messages;
    }
}
