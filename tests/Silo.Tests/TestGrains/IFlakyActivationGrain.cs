using System.Collections.Concurrent;

namespace Daarion.Silo.Tests.TestGrains;

/// <summary>Fails to activate while its key is listed as failing.</summary>
public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

public sealed class FlakyActivationGrain : Grain, IFlakyActivationGrain
{
    public static readonly ConcurrentDictionary<string, bool> Failing = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        Failing.GetValueOrDefault(GetPrimaryKeyString()) ? throw new InvalidOperationException("storage is not there yet") : Task.CompletedTask;

    public Task<string> Hello() => Task.FromResult("hello");
}
