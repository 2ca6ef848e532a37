using System.Diagnostics;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Replay;
using Daarion.Events.Subscriptions;
using Daarion.Silo.Events;

namespace Daarion.Events.Tests;

public sealed class ReplayTests
{
    private const string Balance = "wallet.balance.updated";
    private const string Live = "STREAM_WALLET/wallet";

    [Fact]
    public async Task ReplayAll_FeedsTheHandlerEveryEventAgain_UnderItsOwnInboxKey_AndRemovesItsConsumer()
    {
        await using var test = await SubscriptionTests.SubscribedAsync();
        var written = await HandledLiveAsync(test, 0, 10);
        var replays = test.Host.Get<ReplayService>();

        var started = await replays.StartAsync(new ReplayRequest("recorder", DeliverPolicy.All, ReplayPolicy.Instant), CancellationToken.None);
        Assert.Equal((ReplayState.Running, "STREAM_WALLET", "all", "instant"), (started.State, started.Stream, started.Deliver, started.Replay));
        var done = await FinishedAsync(replays, started.ReplayId);

        Assert.Equal((ReplayState.Completed, 10L, 10L), (done.State, done.Handled, done.Delivered));
        var replayed = await RecordingHandler.HandledAsync(test.Database, "replay:" + started.ReplayId);
        Assert.Equal(written.Select(e => e.EventId), replayed.Select(r => r.EventId));
        Assert.Equal(10, (await RecordingHandler.HandledAsync(test.Database, Live)).Count);
        var jetStream = await test.Host.Get<Backbone.EventBackbone>().ReadyAsync(CancellationToken.None);
        await Assert.ThrowsAsync<JetStreamApiException>(() => jetStream.GetConsumerInfoAsync("STREAM_WALLET", done.Consumer));
    }

    [Fact]
    public async Task ReplayByStartTime_BySequence_AndLast_StartWhereAsked()
    {
        await using var test = await SubscriptionTests.SubscribedAsync();
        var written = await HandledLiveAsync(test, 0, 5);
        await Task.Delay(1000);
        var secondHalfFrom = DateTimeOffset.UtcNow;
        await Task.Delay(100);
        written.AddRange(await HandledLiveAsync(test, 5, 5));
        var replays = test.Host.Get<ReplayService>();

        var byTime = await FinishedAsync(replays, (await replays.StartAsync(
            new ReplayRequest("recorder", DeliverPolicy.ByStartTime, ReplayPolicy.Instant) { StartTime = secondHalfFrom }, CancellationToken.None)).ReplayId);
        Assert.Equal(written.Skip(5).Select(e => e.EventId), (await RecordingHandler.HandledAsync(test.Database, "replay:" + byTime.ReplayId)).Select(r => r.EventId));

        var bySequence = await FinishedAsync(replays, (await replays.StartAsync(
            new ReplayRequest("recorder", DeliverPolicy.ByStartSequence, ReplayPolicy.Instant) { StartSequence = 8 }, CancellationToken.None)).ReplayId);
        Assert.Equal(written.Skip(7).Select(e => e.EventId), (await RecordingHandler.HandledAsync(test.Database, "replay:" + bySequence.ReplayId)).Select(r => r.EventId));

        var last = await FinishedAsync(replays, (await replays.StartAsync(
            new ReplayRequest("recorder", DeliverPolicy.Last, ReplayPolicy.Instant), CancellationToken.None)).ReplayId);
        Assert.Equal([written[^1].EventId], (await RecordingHandler.HandledAsync(test.Database, "replay:" + last.ReplayId)).Select(r => r.EventId));
    }

    [Fact]
    public async Task ReplayOriginal_KeepsTheGapsBetweenEvents_ReplayInstantDoesNot()
    {
        await using var test = await SubscriptionTests.SubscribedAsync();
        for (var i = 0; i < 3; i++)
        {
            await OutboxWriter.WriteRowsAsync(test.Database, [OutboxWriter.Event(Balance, "w-1", i)]);
            await Task.Delay(600);
        }
        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Live)).Count == 3);
        var replays = test.Host.Get<ReplayService>();

        var original = await TimedAsync(replays, ReplayPolicy.Original);
        var instant = await TimedAsync(replays, ReplayPolicy.Instant);

        Assert.True(original.Handled == 3 && instant.Handled == 3);
        Assert.True(original.Took >= TimeSpan.FromMilliseconds(1000), $"original took {original.Took}");
        Assert.True(instant.Took < original.Took, $"instant took {instant.Took}, original {original.Took}");
    }

    [Theory]
    [InlineData("nobody", DeliverPolicy.All, null, null, ReplayRefusal.UnknownHandler)]
    [InlineData("recorder", DeliverPolicy.ByStartTime, null, null, ReplayRefusal.InvalidRequest)]
    [InlineData("recorder", DeliverPolicy.ByStartSequence, null, null, ReplayRefusal.InvalidRequest)]
    [InlineData("recorder", DeliverPolicy.New, null, null, ReplayRefusal.InvalidRequest)]
    [InlineData("recorder", DeliverPolicy.All, 5UL, null, ReplayRefusal.InvalidRequest)]
    [InlineData("recorder", DeliverPolicy.All, null, "rwa.inventory.updated", ReplayRefusal.InvalidRequest)]
    public async Task Replay_ThatDoesNotHoldTogether_IsRefused(string handler, DeliverPolicy deliver, ulong? sequence, string? filter, ReplayRefusal reason)
    {
        await using var test = await SubscriptionTests.SubscribedAsync();
        var refused = await Assert.ThrowsAsync<ReplayRefusedException>(() => test.Host.Get<ReplayService>().StartAsync(
            new ReplayRequest(handler, deliver, ReplayPolicy.Instant) { StartSequence = sequence, FilterSubject = filter }, CancellationToken.None));
        Assert.Equal(reason, refused.Reason);
    }

    // Writes events first..first+count-1 of key w-1 and waits until the live handler has them all.
    private static async Task<List<OutboxEvent>> HandledLiveAsync(SubscribedHost test, int first, int count)
    {
        var written = Enumerable.Range(first, count).Select(i => OutboxWriter.Event(Balance, "w-1", i)).ToList();
        await OutboxWriter.WriteRowsAsync(test.Database, written);
        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Live)).Count == first + count);
        return written;
    }

    private static async Task<(long Handled, TimeSpan Took)> TimedAsync(ReplayService replays, ReplayPolicy pace)
    {
        var clock = Stopwatch.StartNew();
        var started = await replays.StartAsync(new ReplayRequest("recorder", DeliverPolicy.All, pace), CancellationToken.None);
        await Eventually.True(() => replays.Find(started.ReplayId)!.Handled == 3, timeoutMs: 15_000);
        var took = clock.Elapsed;
        return (replays.Find(started.ReplayId)!.Handled, took);
    }

    private static async Task<ReplayStatus> FinishedAsync(ReplayService replays, string replayId)
    {
        await Eventually.True(() => replays.Find(replayId)!.State != ReplayState.Running, timeoutMs: 20_000);
        return replays.Find(replayId)!;
    }
}
