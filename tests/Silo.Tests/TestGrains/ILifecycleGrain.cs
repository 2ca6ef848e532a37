using System.Collections.Concurrent;
using System.Diagnostics;

namespace Daarion.Silo.Tests.TestGrains;

/// <summary>Records when its activations start and finish deactivating; deactivation takes a configurable while.</summary>
public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> Id();

    Task Deactivate();
}

public sealed record LifecycleEvent(string Key, Guid ActivationId, string What, long Timestamp, DeactivationReason? Reason = null);

public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    private readonly Guid _id = Guid.NewGuid();

    public static readonly ConcurrentQueue<LifecycleEvent> Events = new();
    public static readonly ConcurrentDictionary<string, int> DeactivationDelayMs = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Events.Enqueue(new LifecycleEvent(GetPrimaryKeyString(), _id, "activated", Stopwatch.GetTimestamp()));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Events.Enqueue(new LifecycleEvent(GetPrimaryKeyString(), _id, "deactivating", Stopwatch.GetTimestamp(), reason));
        await Task.Delay(DeactivationDelayMs.GetValueOrDefault(GetPrimaryKeyString()), cancellationToken);
        Events.Enqueue(new LifecycleEvent(GetPrimaryKeyString(), _id, "deactivated", Stopwatch.GetTimestamp(), reason));
    }

    public Task<Guid> Id() => Task.FromResult(_id);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
