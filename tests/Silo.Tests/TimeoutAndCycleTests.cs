using System.Diagnostics;
using Daarion.Silo.Tests.TestGrains;

namespace Daarion.Silo.Tests;

public sealed class TimeoutAndCycleTests
{
    [Fact]
    public async Task SlowCall_FailsAfterTheResponseTimeout()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => silo.Grains.GetGrain<ISerialGrain>("slow").Work(5000));

        Assert.InRange(stopwatch.ElapsedMilliseconds, 250, 2000);
        Assert.Contains("serial/slow.Work", error.Message);
    }

    [Fact]
    public async Task CallQueuedPastItsTimeout_IsNotRun()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.ResponseTimeout = TimeSpan.FromMilliseconds(200));
        var grain = silo.Grains.GetGrain<ISerialGrain>("queue");
        var first = grain.Work(600);
        var second = grain.Work(600);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => second);
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => first);
        await Task.Delay(700);

        Assert.Equal(0, await grain.Running());
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task CycleBetweenTwoNonReentrantGrains_FailsFast_NamingTheCycle()
    {
        await using var silo = await TestSilo.StartAsync();
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.Grains.GetGrain<IPingPongGrain>("a").Relay(["b", "a"], interleaved: false));

        Assert.True(stopwatch.ElapsedMilliseconds < 2000, $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal("pingpong/a -> pingpong/b -> pingpong/a", string.Join(" -> ", error.Cycle));
    }

    [Fact]
    public async Task CycleThroughThreeGrains_IsNamedWhole()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.Grains.GetGrain<IPingPongGrain>("x").Relay(["y", "z", "x"], interleaved: false));

        Assert.Equal("pingpong/x -> pingpong/y -> pingpong/z -> pingpong/x", string.Join(" -> ", error.Cycle));
    }

    [Fact]
    public async Task CallBackToAnAlwaysInterleaveMethod_IsNotACycle()
    {
        await using var silo = await TestSilo.StartAsync();

        var answer = await silo.Grains.GetGrain<IPingPongGrain>("p").Relay(["q", "p"], interleaved: true);

        Assert.Equal("pong from p", answer);
    }

    [Fact]
    public async Task ChainWithoutACycle_Succeeds()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal("pong from n4", await silo.Grains.GetGrain<IPingPongGrain>("n1").Relay(["n2", "n3", "n4"], interleaved: false));
    }
}
