namespace Daarion.Grains.Access;

/// <summary>A subject's compiled grants, indexed by capability, so a decision looks at its action's grants only.</summary>
internal sealed class SubjectGrants
{
    private readonly Dictionary<string, Grant[]> _byCapability;

    public SubjectGrants(IReadOnlyList<Grant> grants)
    {
        All = grants;
        _byCapability = grants.GroupBy(g => g.Capability, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Grant> All { get; }

    public IReadOnlyList<Grant> For(string capability) => _byCapability.TryGetValue(capability, out var grants) ? grants : [];
}
