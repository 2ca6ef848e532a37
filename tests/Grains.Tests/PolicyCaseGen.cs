using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;
using FsCheck;
using FsCheck.Fluent;

namespace Daarion.Grains.Tests;

/// <summary>
/// Random registries (bundles of allows and denies held by roles, plans, scopes and subject kinds), random subjects
/// with memberships and direct grants, random questions; and random extra denials to add to them.
/// </summary>
internal static class PolicyCaseGen
{
    private static readonly string[] Capabilities = ["a.read", "a.write", "b.read", "b.write", "service.x"];
    private static readonly string[] BundleNames = ["b0", "b1", "b2", "b3"];
    private static readonly string[] Roles = ["owner", "member", "visitor"];
    private static readonly string[] Plans = ["free", "premium"];
    private static readonly string[] ScopeNames = ["s0", "s1"];
    private static readonly string[] Kinds = ["*", "user", "embassy", "service"];
    private static readonly Guid?[] Teams = [null, new Guid("00000000-0000-0000-0000-00000000000a"), new Guid("00000000-0000-0000-0000-00000000000b")];

    public static Arbitrary<(PolicyCase Case, PolicyDeny Deny)> CasesWithADeny =>
        Arb.From(from policyCase in Cases from deny in Denies select (policyCase, deny));

    public static Arbitrary<PolicyCase> CasesToShuffle => Arb.From(Cases);

    private static Gen<PolicyCase> Cases =>
        from registry in Registries
        from kind in Gen.Elements(SubjectKind.User, SubjectKind.Embassy, SubjectKind.Service)
        from scopes in Gen.SubListOf(ScopeNames)
        from memberships in kind == SubjectKind.User ? Gen.ListOf(Memberships).Select(m => m.DistinctBy(x => x.TeamId).ToList()) : Gen.Constant(new List<Membership>())
        from grants in Gen.ListOf(DirectGrants(Gen.Frequency((3, Gen.Constant(GrantEffect.Allow)), (1, Gen.Constant(GrantEffect.Deny))))).Select(g => g.Take(4).ToList())
        from home in kind == SubjectKind.Embassy ? Gen.Elements(Teams) : Gen.Constant<Guid?>(null)
        from action in Gen.Elements(Capabilities)
        from team in Gen.Elements(Teams)
        let subject = new PolicySubject(kind, "s", kind == SubjectKind.User ? PolicySubject.CanonicalScopes(scopes) : "")
        select new PolicyCase(registry, new SubjectFacts(memberships, grants, HomeTeamId: home), subject, action, team);

    private static Gen<PolicyDeny> Denies => Gen.OneOf(
        DirectGrants(Gen.Constant(GrantEffect.Deny)).Select(g => (PolicyDeny)new PolicyDeny.Direct(g)),
        from bundle in Gen.Elements(BundleNames) from capability in Gen.Elements(Capabilities) select (PolicyDeny)new PolicyDeny.InBundle(bundle, capability),
        from kind in Gen.Elements(Kinds) from capabilities in Gen.NonEmptyListOf(Gen.Elements(Capabilities)) select (PolicyDeny)new PolicyDeny.ForKind(kind, [.. capabilities.Distinct()]));

    private static Gen<RegistrySnapshot> Registries =>
        from bundles in Gen.CollectToList(BundleNames.Select(name =>
            from caps in Gen.SubListOf(Capabilities)
            from effects in Gen.CollectToList(caps.Select(_ => Gen.Frequency((4, Gen.Constant(GrantEffects.Allow)), (1, Gen.Constant(GrantEffects.Deny)))))
            select new BundleView(name, "", [.. caps.Zip(effects, (c, e) => new BundleCap(c, e))])))
        from roleBundles in Gen.CollectToList(Roles.Select(role =>
            Gen.SubListOf(BundleNames).Select(names => names.Select(b => new RoleBundleView(role, null, b)))))
        from plans in Gen.CollectToList(Plans.Select(plan =>
            Gen.SubListOf(Roles.SelectMany(r => BundleNames.Select(b => new PlanEntitlementView(r, b))).ToArray()).Select(e => new PlanView(plan, "", [.. e]))))
        from scopes in Gen.CollectToList(ScopeNames.Select(scope => Gen.SubListOf(BundleNames).Select(names => names.Select(b => new ScopeBundleView(scope, b)))))
        from kinds in Gen.CollectToList(Kinds.Select(kind => Gen.SubListOf(BundleNames).Select(names => names.Select(b => new KindBundleView(kind, b)))))
        select new RegistrySnapshot(1, [.. Capabilities.Select(c => new CapabilityView(c, "", c.StartsWith("service.", StringComparison.Ordinal)))], [.. bundles],
            [.. Roles.Select((r, i) => new RoleView(r, i + 1, ""))], [], [.. plans], [.. roleBundles.SelectMany(r => r)], [.. scopes.SelectMany(s => s)],
            [.. kinds.SelectMany(k => k)]);

    private static Gen<Membership> Memberships =>
        from team in Gen.Elements(Teams.Skip(1).Select(t => t!.Value))
        from role in Gen.Elements(Roles)
        from plan in Gen.Elements(Plans)
        select new Membership(team, role, null, plan);

    private static Gen<DirectGrant> DirectGrants(Gen<GrantEffect> effects) =>
        from team in Gen.Elements(Teams)
        from bundle in Gen.Elements(BundleNames.Append(null))
        from capability in Gen.Elements(Capabilities)
        from effect in effects
        select new DirectGrant(Guid.NewGuid(), team, bundle, bundle is null ? capability : null, effect, "");
}
