using Daarion.Silo.Tests.TestGrains;
using static Daarion.Silo.Tests.ReminderTests;

namespace Daarion.Silo.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task IdleActivation_IsCollectedAfterTheCollectionAge()
    {
        await using var silo = await TestSilo.StartAsync(options: o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("idle");
        var first = await grain.Id();

        await Eventually(() => Task.FromResult(silo.Runtime.ActivationCount == 0));

        Assert.Contains(LifecycleGrain.Events, e => e.ActivationId == first && e.What == "deactivated" && e.Reason == DeactivationReason.IdleCollection);
        Assert.NotEqual(first, await grain.Id());
    }

    [Fact]
    public async Task BusyActivation_IsNotCollected()
    {
        // Calls every 100 ms for 1.5 collection ages: the gaps stay far below the age even on a loaded CI machine.
        await using var silo = await TestSilo.StartAsync(options: o =>
        {
            o.CollectionAge = TimeSpan.FromSeconds(2);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("kept");
        var first = await grain.Id();

        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(100);
            Assert.Equal(first, await grain.Id());
        }
    }

    [Fact]
    public async Task CallsDuringDeactivation_AreServedByTheNextActivation_WhichStartsOnlyAfterTheOldOneFinished()
    {
        await using var silo = await TestSilo.StartAsync();
        LifecycleGrain.DeactivationDelayMs["slow-exit"] = 400;
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("slow-exit");
        var first = await grain.Id();

        await grain.Deactivate();
        await Task.Delay(50); // deactivation is under way now
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Id()));

        var second = Assert.Single(answers.Distinct());
        Assert.NotEqual(first, second);
        var events = LifecycleGrain.Events.Where(e => e.Key == "slow-exit").ToList();
        var oldFinished = events.Single(e => e.ActivationId == first && e.What == "deactivated").Timestamp;
        var newStarted = events.Single(e => e.ActivationId == second && e.What == "activated").Timestamp;
        Assert.True(newStarted > oldFinished, "the new activation started before the old one finished deactivating");
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }
}
