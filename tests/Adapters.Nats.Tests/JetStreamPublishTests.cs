using System.Globalization;
using System.Text;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

[Collection(SharedNatsServerCollection.Name)]
public sealed class JetStreamPublishTests(SharedNatsServer server)
{
    [Fact]
    public async Task PublishAsync_ReturnsTheStreamAndSequence()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);

        var first = await js.PublishAsync(name + ".a", "1"u8.ToArray());
        var second = await js.PublishAsync(name + ".b", "2"u8.ToArray(), new NatsHeaders { { "K", "v" } });

        Assert.Equal((name, 1ul, false), (first.Stream, first.Seq, first.Duplicate));
        Assert.Equal((name, 2ul), (second.Stream, second.Seq));
        Assert.Equal("v", (await js.GetMessageAsync(name, 2)).Headers?["K"]);
    }

    [Fact]
    public async Task PublishAsync_WithARepeatedMsgId_IsAcknowledgedAsADuplicateAndStoredOnce()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);
        var options = new JetStreamPublishOptions { MsgId = "event-1" };

        var original = await js.PublishAsync(name + ".a", "1"u8.ToArray(), options: options);
        var again = await js.PublishAsync(name + ".a", "1"u8.ToArray(), options: options);

        Assert.False(original.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(original.Seq, again.Seq);
        Assert.Equal(1ul, (await js.GetStreamInfoAsync(name)).State.Messages);
        Assert.Equal("event-1", (await js.GetMessageAsync(name, 1)).Headers?["Nats-Msg-Id"]);
    }

    [Fact]
    public async Task PublishAsync_WithExpectedLastSubjectSequence_RefusesAStaleWriter()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);
        var subject = name + ".site-42";
        await js.PublishAsync(name + ".other", "noise"u8.ToArray());

        var first = await js.PublishAsync(subject, "v1"u8.ToArray(), options: new() { ExpectedLastSubjectSequence = 0 });
        var stale = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync(subject, "v1'"u8.ToArray(), options: new() { ExpectedLastSubjectSequence = 0 }));
        var second = await js.PublishAsync(subject, "v2"u8.ToArray(), options: new() { ExpectedLastSubjectSequence = first.Seq });

        Assert.Equal(JetStreamErrorCode.StreamWrongLastSequence, stale.ErrorCode);
        Assert.Equal(3ul, second.Seq);
    }

    [Fact]
    public async Task PublishAsync_WithTheWrongExpectedStream_IsRefused()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync(name + ".a", "x"u8.ToArray(), options: new() { ExpectedStream = "ELSEWHERE" }));

        Assert.Equal(JetStreamErrorCode.StreamNotMatch, error.ErrorCode);
    }

    [Fact]
    public async Task PublishAsync_ToASubjectNoStreamListensOn_FailsWithNoResponders()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);

        await Assert.ThrowsAsync<NatsNoRespondersException>(() => js.PublishAsync(TestConnections.Unique("nostream"), "x"u8.ToArray()));
    }

    [Fact]
    public async Task Publisher_PipelinesThousandsOfPublishes_EachAckMatchedToItsPublish()
    {
        const int count = 20_000;
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);
        var publisher = js.CreatePublisher(maxInFlight: 1000);

        var acks = new Task<PubAck>[count];
        for (var i = 0; i < count; i++)
        {
            acks[i] = await publisher.PublishAsync(
                name + ".p", Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture)), options: new() { MsgId = $"m{i}" });
        }
        var results = await Task.WhenAll(acks).WaitAsync(StateWaiter.Patience);

        // One connection keeps publish order, so publish i is stored as sequence i + 1: a mismatched ack would show.
        Assert.Equal(Enumerable.Range(1, count).Select(i => (ulong)i), results.Select(a => a.Seq));
        Assert.All(results, a => Assert.False(a.Duplicate));
        Assert.Equal(0, publisher.InFlight);
        Assert.Equal("12345", Encoding.ASCII.GetString((await js.GetMessageAsync(name, 12346)).Data.Span));
    }

    [Fact]
    public async Task Publisher_WhenTheWindowIsFull_WaitsForAPlace()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection, new JetStreamOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        // A plain subscriber takes the publishes but never acks them.
        var subject = TestConnections.Unique("silent");
        await using var silent = await connection.SubscribeAsync(subject);
        var publisher = js.CreatePublisher(maxInFlight: 2);

        var first = await publisher.PublishAsync(subject, "1"u8.ToArray());
        var second = await publisher.PublishAsync(subject, "2"u8.ToArray());
        var third = publisher.PublishAsync(subject, "3"u8.ToArray()).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, publisher.InFlight);
        await Assert.ThrowsAsync<NatsTimeoutException>(() => first);
        await Assert.ThrowsAsync<NatsTimeoutException>(() => second);
        await Assert.ThrowsAsync<NatsTimeoutException>(async () => await await third.WaitAsync(StateWaiter.Patience));
        Assert.Equal(0, publisher.InFlight);
    }

    [Fact]
    public async Task Publisher_ReportsRefusalsPerMessageAndFreesTheirPlaces()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = await CreateStreamAsync(js);
        var publisher = js.CreatePublisher(maxInFlight: 4);

        var accepted = await publisher.PublishAsync(name + ".a", "1"u8.ToArray(), options: new() { ExpectedLastSubjectSequence = 0 });
        var refused = await publisher.PublishAsync(name + ".a", "2"u8.ToArray(), options: new() { ExpectedLastSubjectSequence = 0 });
        var unrouted = await publisher.PublishAsync(TestConnections.Unique("nostream"), "3"u8.ToArray());

        Assert.Equal(1ul, (await accepted).Seq);
        Assert.Equal(JetStreamErrorCode.StreamWrongLastSequence, (await Assert.ThrowsAsync<JetStreamApiException>(() => refused)).ErrorCode);
        await Assert.ThrowsAsync<NatsNoRespondersException>(() => unrouted);
        Assert.Equal(0, publisher.InFlight);
    }

    private static async Task<string> CreateStreamAsync(JetStreamContext js)
    {
        var name = "P" + Guid.NewGuid().ToString("N")[..12];
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".>"], Storage = StorageType.File });
        return name;
    }
}
