using System.Collections.Concurrent;

namespace Daarion.Grains.Access;

/// <summary>When each key was last used, kept in memory and written by <see cref="ApiKeyUsageWriter"/> every few seconds.</summary>
internal sealed class ApiKeyUsage
{
    private ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    public void Record(Guid keyId, DateTimeOffset at) => _pending[keyId] = at;

    /// <summary>Takes what was recorded since the last call.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> Take() => Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Guid, DateTimeOffset>());

    /// <summary>Puts back uses a failed write did not record, unless newer ones came meanwhile.</summary>
    public void Restore(IReadOnlyDictionary<Guid, DateTimeOffset> uses)
    {
        foreach (var (key, at) in uses) _pending.AddOrUpdate(key, at, (_, newer) => newer > at ? newer : at);
    }
}
