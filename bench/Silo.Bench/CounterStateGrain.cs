using Daarion.Silo.Events;

namespace Daarion.Silo.Bench;

/// <summary>A counter whose every Add is one state write, with <see cref="WriteLoad.EventsPerWrite"/> outbox events.</summary>
[GrainType(TypeName)]
public sealed class CounterStateGrain(WriteLoad load) : Grain<CounterState>, ICounterStateGrain
{
    public const string TypeName = "bench.counter";

    private static readonly EventActor Actor = EventActor.Service("silo-bench");

    public Task Add(int amount)
    {
        // If the write fails the runtime drops this activation, so this in-memory increment never outlives it.
        State.Value += amount;
        if (load.EventsPerWrite == 0) return WriteStateAsync();

        var key = GetPrimaryKeyString();
        var events = new OutboxEvent[load.EventsPerWrite];
        for (var i = 0; i < events.Length; i++)
        {
            // A payload the size of a typical balance event: a few short fields.
            events[i] = new OutboxEvent
            {
                Type = "bench.counter.added",
                Payload = new { counter = key, amount, value = State.Value, index = i },
                Actor = Actor,
                OrderingKey = key,
            };
        }
        return WriteStateAsync(events);
    }
}
