namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// The PDP's answer: allowed or not, a one-line summary (shown in a 403), the grants that decided (every deny when
/// denied by one, every allow when allowed, none for a default deny) and the registry version it was made on.
/// </summary>
public sealed record PolicyDecision(bool Allowed, string Summary, IReadOnlyList<PolicyReason> Reasons, long PolicyVersion);
