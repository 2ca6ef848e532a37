using Daarion.Silo.Tests.TestGrains;

namespace Daarion.Silo.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task NonReentrantGrain_RunsOneCallAtATime_AcrossAwaits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISerialGrain>("serial");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.Work(40)));

        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task ReentrantGrain_InterleavesCallsAtAwaits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReentrantGrain>("reentrant");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.Work(100)));

        Assert.True(await grain.MaxConcurrency() > 1);
    }

    [Fact]
    public async Task ReadOnlyCalls_InterleaveWithEachOther_ButNotWithWrites()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISerialGrain>("reads");

        // Five reads of 200 ms each all overlapped: the grain saw them running at once.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.Read(200)));

        Assert.Equal(5, await grain.MaxConcurrency());

        var other = silo.Grains.GetGrain<ISerialGrain>("mixed");
        await Task.WhenAll(other.Work(100), other.Read(100), other.Work(100));
        Assert.Equal(1, await other.MaxConcurrency());
    }

    [Fact]
    public async Task AlwaysInterleaveCall_RunsWhileAnotherCallIsInProgress()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ISerialGrain>("busy");

        var held = grain.Hold("interleave");

        // Running() is [AlwaysInterleave]: it answers while Hold is still in progress.
        await ReminderTests.Eventually(async () => await grain.Running().WaitAsync(TimeSpan.FromSeconds(2)) == 1);

        ConcurrencyProbeGrain.Gates["interleave"].SetResult();
        await held;
    }
}
