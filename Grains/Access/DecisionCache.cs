using System.Collections.Concurrent;
using Daarion.Grains.Interfaces.Access;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Access;

/// <summary>
/// Decisions of this process, per registry version: when the catalog moves to a new version the whole generation is
/// dropped, and a decision made on an older version is never added to a newer generation, so a registry change is
/// effective on the next request. Bounded: a full generation starts over empty.
/// </summary>
internal sealed class DecisionCache
{
    private readonly int _capacity;
    private volatile Generation _generation = new(-1);

    public DecisionCache(PolicyCatalog catalog, IOptions<AccessOptions> options)
    {
        _capacity = options.Value.DecisionCacheSize;
        catalog.Changed += policy => _generation = new Generation(policy.Version);
        if (catalog.Current is { } current) _generation = new Generation(current.Version);
    }

    public bool TryGet(in DecisionKey key, out PolicyDecision decision) => _generation.Entries.TryGetValue(key, out decision!);

    public void Add(in DecisionKey key, PolicyDecision decision)
    {
        var generation = _generation;
        if (decision.PolicyVersion != generation.Version || _capacity == 0) return;
        if (generation.Entries.Count >= _capacity) generation.Entries.Clear();
        generation.Entries[key] = decision;
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<DecisionKey, PolicyDecision> Entries { get; } = new();
    }
}
