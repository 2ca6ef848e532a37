namespace Daarion.Grains.Access;

/// <summary>
/// The registry's static part (capabilities, bundles, roles, plans, scope and kind bundles) compiled for lookups, at
/// one version. Immutable: a registry change compiles a new one.
/// </summary>
public sealed class StaticPolicy
{
    private readonly Dictionary<string, CapabilityView> _capabilities;
    private readonly Dictionary<string, BundleView> _bundles;
    private readonly ILookup<string, string> _scopeBundles;
    private readonly ILookup<string, string> _kindBundles;
    private readonly ILookup<(string Plan, string Role), string> _planBundles;
    private readonly Dictionary<string, string[]> _grantedBy;

    public StaticPolicy(RegistrySnapshot snapshot)
    {
        Snapshot = snapshot;
        _capabilities = snapshot.Capabilities.ToDictionary(c => c.Capability, StringComparer.Ordinal);
        _bundles = snapshot.Bundles.ToDictionary(b => b.Bundle, StringComparer.Ordinal);
        _scopeBundles = snapshot.ScopeBundles.ToLookup(s => s.Scope, s => s.Bundle, StringComparer.Ordinal);
        _kindBundles = snapshot.KindBundles.ToLookup(k => k.SubjectKind, k => k.Bundle, StringComparer.Ordinal);
        _planBundles = snapshot.Plans.SelectMany(p => p.Entitlements.Select(e => (Key: (p.Plan, e.Role), e.Bundle))).ToLookup(x => x.Key, x => x.Bundle);
        _grantedBy = GrantedByIndex(snapshot);
    }

    public long Version => Snapshot.Version;

    public RegistrySnapshot Snapshot { get; }

    public IReadOnlyList<RoleBundleView> RoleBundles => Snapshot.RoleBundles;

    public bool IsCapability(string capability) => _capabilities.ContainsKey(capability);

    public bool IsInternal(string capability) => _capabilities.TryGetValue(capability, out var c) && c.Internal;

    public IReadOnlyList<BundleCap> BundleCaps(string bundle) => _bundles.TryGetValue(bundle, out var b) ? b.Capabilities : [];

    public IEnumerable<string> ScopeBundles(string scope) => _scopeBundles[scope];

    public IEnumerable<string> KindBundles(string kind) => _kindBundles[kind];

    public IEnumerable<string> PlanBundles(string plan, string role) => _planBundles[(plan, role)];

    /// <summary>Where an allow of the capability can come from, e.g. "bundle wallet.writer (scope wallet:write, role owner)".</summary>
    public IReadOnlyList<string> GrantedBy(string capability) => _grantedBy.TryGetValue(capability, out var sources) ? sources : [];

    private static Dictionary<string, string[]> GrantedByIndex(RegistrySnapshot snapshot)
    {
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Held(string bundle, string by)
        {
            if (!holders.TryGetValue(bundle, out var list)) holders[bundle] = list = [];
            list.Add(by);
        }
        foreach (var k in snapshot.KindBundles) Held(k.Bundle, k.SubjectKind == "*" ? "every subject" : $"every {k.SubjectKind}");
        foreach (var s in snapshot.ScopeBundles) Held(s.Bundle, $"scope {s.Scope}");
        foreach (var r in snapshot.RoleBundles) Held(r.Bundle, r.ViewerType is null ? $"role {r.Role}" : $"role {r.Role} ({r.ViewerType})");
        foreach (var p in snapshot.Plans)
        {
            foreach (var e in p.Entitlements) Held(e.Bundle, $"plan {p.Plan} for role {e.Role}");
        }

        return snapshot.Bundles
            .SelectMany(b => b.Capabilities.Where(c => c.Effect == GrantEffects.Allow).Select(c => (c.Capability, b.Bundle)))
            .GroupBy(x => x.Capability, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(x => x.Bundle, StringComparer.Ordinal)
                    .Select(x => holders.TryGetValue(x.Bundle, out var by) ? $"bundle {x.Bundle} ({string.Join(", ", by)})" : $"bundle {x.Bundle}")
                    .ToArray(),
                StringComparer.Ordinal);
    }
}
