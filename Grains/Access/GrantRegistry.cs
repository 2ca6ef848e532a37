namespace Daarion.Grains.Access;

/// <summary>
/// Grants made to one subject (user, embassy, service): what an operator allows or denies beyond roles and plans,
/// e.g. platform.admin to a user, or a deny of wallet.transfer that suspends one. Internal capabilities go to services only.
/// </summary>
public sealed class GrantRegistry(RegistryDatabase database, TimeProvider time)
{
    private static readonly string[] GrantableKinds = ["user", "embassy", "service"];
    private const string Columns = "grant_id, subject_kind, subject_id, team_id, bundle, capability, effect, note, created_by, created_at";

    public Task<RegistryResult<GrantView>> CreateAsync(NewGrant grant, string createdBy, CancellationToken cancellationToken)
    {
        if (!GrantableKinds.Contains(grant.SubjectKind)) return RegistryWriter.Invalid<GrantView>("subject_kind must be user, embassy or service.");
        if (string.IsNullOrWhiteSpace(grant.SubjectId) || grant.SubjectId.Length > 200) return RegistryWriter.Invalid<GrantView>("subject_id must be 1 to 200 characters.");
        if ((grant.Bundle is null) == (grant.Capability is null)) return RegistryWriter.Invalid<GrantView>("Name exactly one of bundle and capability.");
        if (!GrantEffects.TryParse(grant.Effect, out _)) return RegistryWriter.Invalid<GrantView>("effect must be \"allow\" or \"deny\".");
        if (RegistryWriter.TooLong(grant.Note)) return RegistryWriter.Invalid<GrantView>("note must be at most 500 characters.");
        if (grant.Capability?.StartsWith("service.", StringComparison.Ordinal) == true && grant.SubjectKind != "service")
        {
            return RegistryWriter.Invalid<GrantView>($"{grant.Capability} is internal: only internal services hold service.* capabilities.");
        }
        var view = new GrantView(Guid.CreateVersion7(), grant.SubjectKind, grant.SubjectId, grant.TeamId, grant.Bundle, grant.Capability, grant.Effect, grant.Note, createdBy, time.GetUtcNow());
        return database.ChangeAsync(async (connection, transaction) =>
        {
            await RegistryDatabase.ExecuteAsync(connection, transaction, $"INSERT INTO subject_grants ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                view.GrantId, view.SubjectKind, view.SubjectId, view.TeamId, view.Bundle, view.Capability, view.Effect, view.Note, view.CreatedBy, view.CreatedAt);
            return RegistryResult<GrantView>.Ok(view);
        }, cancellationToken);
    }

    public Task<RegistryResult<Guid>> DeleteAsync(Guid grantId, CancellationToken cancellationToken) =>
        database.ChangeAsync(async (connection, transaction) =>
            await RegistryDatabase.ExecuteAsync(connection, transaction, "DELETE FROM subject_grants WHERE grant_id = $1", grantId) == 1
                ? RegistryResult<Guid>.Ok(grantId)
                : RegistryResult<Guid>.Fail(RegistryErrorCode.NotFound, $"Grant {grantId} does not exist."), cancellationToken);

    /// <summary>Grants, newest first, optionally of one subject kind and id.</summary>
    public Task<List<GrantView>> ListAsync(string? subjectKind, string? subjectId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM subject_grants WHERE ($1::text IS NULL OR subject_kind = $1) AND ($2::text IS NULL OR subject_id = $2) ORDER BY grant_id DESC LIMIT 1000",
            r => new GrantView(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9)),
            cancellationToken, subjectKind, subjectId);
}
