using Daarion.Silo.Tests.TestGrains;
using Daarion.Testing;
using static Daarion.Silo.Tests.StateTests;

namespace Daarion.Silo.Tests;

public sealed class ReminderTests
{
    private static readonly Action<SiloOptions> FastReminders = o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Reminder_Ticks_AndActivatesItsGrain()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database, FastReminders);
        var grain = silo.Grains.GetGrain<IReminderGrain>("r1");

        await grain.Register("tick", 100, 200);

        await Eventually(async () => await grain.Ticks() >= 2);
    }

    [Fact]
    public async Task Reminder_SurvivesARestart_AndReactivatesTheGrain()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using (var first = await TestSilo.StartAsync(database, FastReminders))
        {
            await first.Grains.GetGrain<IReminderGrain>("durable").Register("payout", 1500, 60_000);
        }

        // The first silo is gone before the tick was due; a new one on the same database delivers it.
        await using var second = await TestSilo.StartAsync(database, FastReminders);
        await Eventually(async () => await Scalar<long>(database, "SELECT count(*) FROM grain_state WHERE grain_key = 'durable'") == 1);
        Assert.Equal(1, second.Runtime.ActivationCount);
        Assert.Equal(1, await second.Grains.GetGrain<IReminderGrain>("durable").Ticks());
    }

    [Fact]
    public async Task UnregisteredReminder_StopsTicking()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database, FastReminders);
        var grain = silo.Grains.GetGrain<IReminderGrain>("r2");
        await grain.Register("tick", 0, 100);
        await Eventually(async () => await grain.Ticks() >= 1);

        await grain.Unregister("tick");
        var ticks = await grain.Ticks();
        await Task.Delay(500);

        Assert.InRange(await grain.Ticks(), ticks, ticks + 1);
        Assert.Equal(0L, await Scalar<long>(database, "SELECT count(*) FROM grain_reminders"));
    }

    [Fact]
    public async Task ReminderPeriod_BelowTheMinimum_IsRefused()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.Grains.GetGrain<IReminderGrain>("r3").Register("tick", 0, 1000));
        Assert.Contains("Silo:MinimumReminderPeriod", error.Message);
    }

    [Fact]
    public async Task Timer_TicksAsTurns_NeverDuringACall_AndStopsWithTheActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITimerGrain>("t1");
        await grain.Start(20);
        await grain.Busy(300);
        await Eventually(async () => await grain.Ticks() >= 3);

        Assert.False(await grain.Overlapped());

        await grain.Deactivate();
        await Eventually(() => Task.FromResult(silo.Runtime.ActivationCount == 0));
        await Task.Delay(200);
        Assert.Equal(0, TimerGrain.TicksAfterDeactivation);
    }

    internal static async Task Eventually(Func<Task<bool>> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Condition not met within {timeoutMs} ms.");
            await Task.Delay(25);
        }
    }
}
