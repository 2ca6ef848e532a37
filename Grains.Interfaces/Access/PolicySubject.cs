namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// The subject of a decision: its kind, its id and, for a user's JWT, the token's scopes (space-separated, sorted),
/// which grant bundles of their own for the token's lifetime.
/// </summary>
public sealed record PolicySubject(SubjectKind Kind, string Id, string Scopes = "")
{
    public static readonly PolicySubject Anonymous = new(SubjectKind.Anonymous, "anonymous");

    /// <summary>The wire name of the kind: anonymous, user, access_key, embassy, service.</summary>
    public string KindName => Name(Kind);

    /// <summary>The PolicyGrain key of this subject, e.g. <c>user:3f2a…</c>; scopes are not part of it.</summary>
    public string Key => Kind == SubjectKind.Anonymous ? KindName : $"{KindName}:{Id}";

    public static string Name(SubjectKind kind) => kind switch
    {
        SubjectKind.Anonymous => "anonymous",
        SubjectKind.User => "user",
        SubjectKind.AccessKey => "access_key",
        SubjectKind.Embassy => "embassy",
        SubjectKind.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseKind(string? name, out SubjectKind kind)
    {
        foreach (var candidate in Enum.GetValues<SubjectKind>())
        {
            if (Name(candidate) != name) continue;
            kind = candidate;
            return true;
        }
        kind = default;
        return false;
    }

    /// <summary>Scopes in the canonical form subjects carry: distinct, sorted, space-separated.</summary>
    public static string CanonicalScopes(IEnumerable<string> scopes) =>
        string.Join(' ', scopes.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
