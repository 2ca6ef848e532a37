using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// The policy decision point for one subject (key: <see cref="PolicySubject.Key"/>). It holds the subject's grants,
/// compiled from the registry, and re-reads them when the registry's version changes. Deny overrides allow; no grant
/// means deny; a team-scoped grant reaches its own team's resources only.
/// </summary>
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>Allow or deny, with the deciding grants and the registry version.</summary>
    Task<PolicyDecision> Decide(PolicyRequest request);

    /// <summary>The decision with every grant the subject holds and where the action could come from.</summary>
    Task<PolicyExplanation> Explain(PolicyRequest request);
}
