namespace Daarion.Silo.Bench;

/// <summary>The stored state of <see cref="CounterStateGrain"/>: payload <c>{"value": n}</c> in grain_state.</summary>
public sealed class CounterState
{
    public long Value { get; set; }
}
