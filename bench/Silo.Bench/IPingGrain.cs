namespace Daarion.Silo.Bench;

/// <summary>The trivial grain of the call benchmark.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);

    ValueTask<int> PingValue(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);

    public ValueTask<int> PingValue(int value) => new(value + ++_calls);
}
