using Daarion.Grains.Interfaces.Access;
using Daarion.Silo;

namespace Daarion.Grains.Access;

/// <summary>
/// The PDP for one subject: its facts read from the registry and compiled into grants (per set of JWT scopes), kept
/// until the registry's version changes. Decisions are pure lookups in memory; an access key also asks its owner's grain.
/// </summary>
[GrainType("policy")]
internal sealed class PolicyGrain(PolicyCatalog catalog, AccessStore store, TimeProvider time) : Grain, IPolicyGrain
{
    private readonly Dictionary<string, SubjectGrants> _grantsByScopes = new(StringComparer.Ordinal);
    private StaticPolicy? _policy;
    private SubjectFacts _facts = SubjectFacts.None;

    public async Task<PolicyDecision> Decide(PolicyRequest request)
    {
        var (policy, grants) = await LoadAsync(request.Subject);
        if (Disabled() is { } why) return Decisions.Disabled(request, why, policy.Version);
        var evaluation = PolicyEvaluator.Evaluate(grants, request.Action, request.Resource.TeamId);
        if (evaluation.Outcome != EvaluationOutcome.AllowedIfOwnerAllows) return Decisions.From(request, evaluation, policy);

        var owner = new PolicySubject(SubjectKind.User, _facts.AccessKey!.OwnerUserId.ToString());
        var ownerDecision = await GrainFactory.GetGrain<IPolicyGrain>(owner.Key).Decide(request with { Subject = owner });
        return ownerDecision.Allowed
            ? Decisions.From(request, evaluation with { Outcome = EvaluationOutcome.Allowed }, policy)
            : Decisions.OwnerDenied(request, ownerDecision);
    }

    public async Task<PolicyExplanation> Explain(PolicyRequest request)
    {
        var decision = await Decide(request);
        var (policy, grants) = await LoadAsync(request.Subject);
        return new PolicyExplanation(decision, [.. grants.All.Select(g => g.ToReason())], policy.GrantedBy(request.Action));
    }

    private async Task<(StaticPolicy Policy, SubjectGrants Grants)> LoadAsync(PolicySubject subject)
    {
        if (subject.Key != GetPrimaryKeyString()) throw new ArgumentException($"This is the PDP of {GetPrimaryKeyString()}, not of {subject.Key}.", nameof(subject));
        var policy = await catalog.GetAsync();
        if (!ReferenceEquals(policy, _policy))
        {
            // The facts are read after the policy's version was taken, so they are at least as new as it.
            _facts = await store.ReadFactsAsync(subject, CancellationToken.None);
            _policy = policy;
            _grantsByScopes.Clear();
        }
        if (!_grantsByScopes.TryGetValue(subject.Scopes, out var grants))
        {
            grants = GrantCompiler.Compile(subject, _facts, policy);
            _grantsByScopes[subject.Scopes] = grants;
        }
        return (policy, grants);
    }

    private string? Disabled() =>
        _facts.Disabled ?? (_facts.ExpiresAt <= time.GetUtcNow() ? "the access key expired" : null);
}
