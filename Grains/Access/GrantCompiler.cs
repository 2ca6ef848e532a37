using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>
/// Turns what the registry says about a subject into its grants: the bundles of its kind, of its JWT scopes, of its
/// role and its team's plan in each team (scoped to that team), its direct grants, an access key's capabilities.
/// Internal capabilities (service.*) are dropped from every subject but an internal service.
/// </summary>
internal static class GrantCompiler
{
    public static SubjectGrants Compile(PolicySubject subject, SubjectFacts facts, StaticPolicy policy)
    {
        var grants = new List<Grant>();
        foreach (var kind in (string[])["*", subject.KindName])
        {
            foreach (var bundle in policy.KindBundles(kind)) AddBundle(grants, policy, bundle, null, $"{(kind == "*" ? "every subject" : $"every {kind}")} → bundle {bundle}");
        }
        if (subject.Kind == SubjectKind.User)
        {
            foreach (var scope in subject.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var bundle in policy.ScopeBundles(scope)) AddBundle(grants, policy, bundle, null, $"scope {scope} → bundle {bundle}");
            }
        }
        foreach (var m in facts.Memberships)
        {
            var role = m.ViewerType is null ? m.Role : $"{m.Role} ({m.ViewerType})";
            foreach (var rb in policy.RoleBundles.Where(rb => rb.Role == m.Role && (rb.ViewerType is null || rb.ViewerType == m.ViewerType)))
            {
                AddBundle(grants, policy, rb.Bundle, m.TeamId, $"role {role} in team {m.TeamId} → bundle {rb.Bundle}");
            }
            foreach (var bundle in policy.PlanBundles(m.Plan, m.Role))
            {
                AddBundle(grants, policy, bundle, m.TeamId, $"plan {m.Plan} for role {m.Role} in team {m.TeamId} → bundle {bundle}");
            }
        }
        foreach (var g in facts.Grants)
        {
            // An embassy's grants reach its own team only.
            var team = g.TeamId ?? facts.HomeTeamId;
            var source = $"grant {g.GrantId}{(g.Note.Length > 0 ? $" ({g.Note})" : "")}";
            if (g.Bundle is not null) AddBundle(grants, policy, g.Bundle, team, $"{source} → bundle {g.Bundle}", g.Effect);
            else grants.Add(new Grant(g.Capability!, g.Effect, team, source));
        }
        if (facts.AccessKey is { } key)
        {
            foreach (var capability in key.Capabilities) grants.Add(new Grant(capability, GrantEffect.Allow, key.TeamId, "access key capability", OwnerMustAllow: true));
        }
        if (subject.Kind != SubjectKind.Service) grants.RemoveAll(g => policy.IsInternal(g.Capability));
        return new SubjectGrants(grants);
    }

    // A bundle granted with deny denies every capability it holds; granted with allow, each keeps its own effect.
    private static void AddBundle(List<Grant> grants, StaticPolicy policy, string bundle, Guid? team, string source, GrantEffect effect = GrantEffect.Allow)
    {
        foreach (var cap in policy.BundleCaps(bundle))
        {
            var capEffect = effect == GrantEffect.Deny || cap.Effect == GrantEffects.Deny ? GrantEffect.Deny : GrantEffect.Allow;
            grants.Add(new Grant(cap.Capability, capEffect, team, source));
        }
    }
}
