namespace Daarion.Grains.Access;

/// <summary>
/// What the registry says about one subject: team memberships (users), direct grants, the access key's terms, the team
/// an embassy belongs to (its grants reach that team only), and why the subject may do nothing at all (a revoked or
/// expired key, a disabled identity).
/// </summary>
internal sealed record SubjectFacts(
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<DirectGrant> Grants,
    AccessKeyFacts? AccessKey = null,
    Guid? HomeTeamId = null,
    string? Disabled = null,
    DateTimeOffset? ExpiresAt = null)
{
    public static readonly SubjectFacts None = new([], []);
}
