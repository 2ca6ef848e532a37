using Daarion.Silo.Tests.TestGrains;

namespace Daarion.Silo.Tests;

public sealed class GrainCallTests
{
    [Fact]
    public async Task GetGrain_CreatesNothing_UntilTheFirstCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("lazy");
        Assert.Equal(0, silo.Runtime.ActivationCount);

        Assert.Equal(1, await grain.Increment());
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ToOneKey_ShareOneActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var calls = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => silo.Grains.GetGrain<ICounterGrain>("shared").GetActivationId()))
            .ToArray();
        var ids = await Task.WhenAll(calls);

        Assert.Single(ids.Distinct());
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Calls_ThroughDifferentReferences_ReachTheSameState()
    {
        await using var silo = await TestSilo.StartAsync();
        await silo.Grains.GetGrain<ICounterGrain>("k").IncrementBy(5);
        await silo.Grains.GetGrain<ICounterGrain>("k").Increment();

        Assert.Equal(6, await silo.Grains.GetGrain<ICounterGrain>("k").Get());
        Assert.Equal(0, await silo.Grains.GetGrain<ICounterGrain>("other").Get());
    }

    [Fact]
    public async Task GrainException_ReachesTheCaller_AndTheActivationStays()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("faulty");
        var before = await grain.GetActivationId();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("boom"));

        Assert.Equal("boom", error.Message);
        Assert.Equal(before, await grain.GetActivationId());
    }

    [Fact]
    public async Task FailedActivation_FailsTheQueuedCalls_AndTheNextCallActivatesAgain()
    {
        await using var silo = await TestSilo.StartAsync();
        FlakyActivationGrain.Failing["flaky"] = true;
        var grain = silo.Grains.GetGrain<IFlakyActivationGrain>("flaky");

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StateTests.Capture(grain.Hello())));

        Assert.All(first, e => Assert.Contains("storage is not there yet", Assert.IsType<GrainActivationException>(e).Message));
        Assert.Equal(0, silo.Runtime.ActivationCount);
        FlakyActivationGrain.Failing["flaky"] = false;
        Assert.Equal("hello", await grain.Hello());
    }
}
