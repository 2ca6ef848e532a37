namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// A decision with its working: every grant the subject holds (on any capability), and where the action could be
/// granted from (bundles, scopes, roles), for an operator asking "why".
/// </summary>
public sealed record PolicyExplanation(PolicyDecision Decision, IReadOnlyList<PolicyReason> Grants, IReadOnlyList<string> GrantedBy);
