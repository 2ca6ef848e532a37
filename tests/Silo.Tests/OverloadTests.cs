using Daarion.Silo.Tests.TestGrains;

namespace Daarion.Silo.Tests;

public sealed class OverloadTests
{
    [Fact]
    public async Task FullQueue_RefusesTheNextCall_WithATypedOverloadError()
    {
        await using var silo = await TestSilo.StartAsync(options: o => o.MaxQueueLength = 3);
        var grain = silo.Grains.GetGrain<ISerialGrain>("hot");
        var running = grain.Hold("overload");
        await ReminderTests.Eventually(async () => await grain.Running() == 1);
        var queued = Enumerable.Range(0, 3).Select(_ => grain.Work(1)).ToList();

        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.Work(1));

        Assert.Equal("serial/hot", error.GrainId.ToString());
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        ConcurrencyProbeGrain.Gates["overload"].SetResult();
        await running;
        await Task.WhenAll(queued);
        Assert.Equal(1, silo.Metrics.Snapshot().Single(s => s.GrainType == "serial").Errors);
    }
}
