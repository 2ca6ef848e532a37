using Daarion.Silo.Events;
using Daarion.Silo.Storage;

namespace Daarion.Silo.Tests.TestGrains;

public sealed class PersistentState
{
    public int Value { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A grain with stored state, events and extra statements.</summary>
public interface IPersistentGrain : IGrainWithStringKey
{
    /// <summary>Adds to the value and writes it, with one outbox event per entry of <paramref name="eventTypes"/> and the given statements.</summary>
    Task<long> Add(int amount, string[] eventTypes, SqlStatement[] statements);

    Task<int> GetValue();

    Task<long> GetVersion();

    Task<Guid> GetActivationId();

    Task Clear();
}

public sealed class PersistentGrain : Grain<PersistentState>, IPersistentGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<long> Add(int amount, string[] eventTypes, SqlStatement[] statements)
    {
        State.Value += amount;
        State.Amount += amount / 100m;
        var events = eventTypes.Select(type => new OutboxEvent
        {
            Type = type,
            Payload = new { grain = GetPrimaryKeyString(), value = State.Value, amount = State.Amount },
            Actor = EventActor.Service("silo-tests"),
            Meta = new EventMeta(TeamId: "t_test"),
            OrderingKey = GetPrimaryKeyString(),
        }).ToList();
        await WriteStateAsync(events, statements);
        return StateVersion;
    }

    public Task<int> GetValue() => Task.FromResult(State.Value);

    public Task<long> GetVersion() => Task.FromResult(StateVersion);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Clear() => ClearStateAsync();
}
