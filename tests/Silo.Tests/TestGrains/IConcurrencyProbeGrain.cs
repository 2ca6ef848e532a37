using System.Collections.Concurrent;

namespace Daarion.Silo.Tests.TestGrains;

/// <summary>Measures how many calls overlap inside one activation.</summary>
public interface IConcurrencyProbeGrain : IGrainWithStringKey
{
    Task Work(int milliseconds);

    [ReadOnly]
    Task Read(int milliseconds);

    /// <summary>Runs until the test opens the named gate.</summary>
    Task Hold(string gate);

    [AlwaysInterleave]
    Task<int> MaxConcurrency();

    [AlwaysInterleave]
    Task<int> Running();
}

/// <summary>The default: one turn at a time.</summary>
public interface ISerialGrain : IConcurrencyProbeGrain;

/// <summary>Marked [Reentrant]: turns interleave at awaits.</summary>
public interface IReentrantGrain : IConcurrencyProbeGrain;

public abstract class ConcurrencyProbeGrain : Grain
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    private int _running;
    private int _max;

    public async Task Work(int milliseconds)
    {
        _max = Math.Max(_max, ++_running);
        await Task.Delay(milliseconds);
        _running--;
    }

    public Task Read(int milliseconds) => Work(milliseconds);

    public async Task Hold(string gate)
    {
        _max = Math.Max(_max, ++_running);
        await Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        _running--;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task<int> Running() => Task.FromResult(_running);
}

public sealed class SerialGrain : ConcurrencyProbeGrain, ISerialGrain;

[Reentrant]
public sealed class ReentrantGrain : ConcurrencyProbeGrain, IReentrantGrain;
