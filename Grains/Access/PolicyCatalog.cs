using Microsoft.Extensions.Logging;

namespace Daarion.Grains.Access;

/// <summary>
/// The current <see cref="StaticPolicy"/> of this process. Refreshed after a registry change made here, on the
/// database's notification of a change made elsewhere, and on reconnecting to the database; <see cref="Changed"/> tells
/// the decision cache to drop what was decided on the old version. Policy grains notice the new instance and re-read
/// their subject's facts.
/// </summary>
public sealed class PolicyCatalog(AccessStore store, ILogger<PolicyCatalog> logger)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile StaticPolicy? _current;

    /// <summary>Raised after <see cref="Current"/> moved to a newer version.</summary>
    public event Action<StaticPolicy>? Changed;

    /// <summary>The policy loaded last; null until the first load.</summary>
    public StaticPolicy? Current => _current;

    public async ValueTask<StaticPolicy> GetAsync(CancellationToken cancellationToken = default) =>
        _current ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Loads the registry if its version moved past the one held; returns the policy now current.</summary>
    public async Task<StaticPolicy> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && await store.ReadVersionAsync(cancellationToken).ConfigureAwait(false) <= current.Version) return current;
            var snapshot = await store.ReadRegistryAsync(cancellationToken).ConfigureAwait(false);
            if (current is not null && snapshot.Version <= current.Version) return current;
            var policy = new StaticPolicy(snapshot);
            _current = policy;
            Log.PolicyLoaded(logger, policy.Version);
            Changed?.Invoke(policy);
            return policy;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
