namespace Daarion.Silo.Bench;

/// <summary>How much each benchmark write carries besides the state, injected into <see cref="CounterStateGrain"/>.</summary>
public sealed record WriteLoad(int EventsPerWrite);
