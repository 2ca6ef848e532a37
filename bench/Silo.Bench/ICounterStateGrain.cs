namespace Daarion.Silo.Bench;

/// <summary>The persistent grain of the write benchmark.</summary>
public interface ICounterStateGrain : IGrainWithStringKey
{
    /// <summary>Adds to the counter and returns once the state (and its outbox events) is committed.</summary>
    Task Add(int amount);
}
