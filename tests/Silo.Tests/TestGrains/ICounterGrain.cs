namespace Daarion.Silo.Tests.TestGrains;

/// <summary>An in-memory counter that also tells which activation answered.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    ValueTask<int> IncrementBy(int amount);

    [ReadOnly]
    Task<int> Get();

    Task<Guid> GetActivationId();

    Task Fail(string message);
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _value;

    public static int Activations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Activations);
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_value);

    public ValueTask<int> IncrementBy(int amount) => new(_value += amount);

    public Task<int> Get() => Task.FromResult(_value);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Fail(string message) => throw new InvalidOperationException(message);
}
