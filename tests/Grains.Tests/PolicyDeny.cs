using Daarion.Grains.Access;

namespace Daarion.Grains.Tests;

/// <summary>One more denial added to a case: a direct deny grant, a deny in an existing bundle, or a denying bundle every subject of a kind holds.</summary>
internal abstract record PolicyDeny
{
    public abstract PolicyCase AddTo(PolicyCase policyCase);

    public sealed record Direct(DirectGrant Grant) : PolicyDeny
    {
        public override PolicyCase AddTo(PolicyCase policyCase) =>
            policyCase with { Facts = policyCase.Facts with { Grants = [.. policyCase.Facts.Grants, Grant] } };
    }

    public sealed record InBundle(string Bundle, string Capability) : PolicyDeny
    {
        public override PolicyCase AddTo(PolicyCase policyCase) => policyCase with
        {
            Registry = policyCase.Registry with
            {
                Bundles = [.. policyCase.Registry.Bundles.Select(b => b.Bundle != Bundle ? b : b with
                {
                    Capabilities = [.. b.Capabilities.Where(c => c.Capability != Capability), new BundleCap(Capability, GrantEffects.Deny)],
                })],
            },
        };
    }

    public sealed record ForKind(string Kind, IReadOnlyList<string> Capabilities) : PolicyDeny
    {
        public override PolicyCase AddTo(PolicyCase policyCase) => policyCase with
        {
            Registry = policyCase.Registry with
            {
                Bundles = [.. policyCase.Registry.Bundles, new BundleView("added.deny", "", [.. Capabilities.Select(c => new BundleCap(c, GrantEffects.Deny))])],
                KindBundles = [.. policyCase.Registry.KindBundles, new KindBundleView(Kind, "added.deny")],
            },
        };
    }
}
