namespace Daarion.Grains.Access;

/// <summary>
/// Embassy identities (external platforms) and internal services: each is a subject whose capabilities are its allow
/// grants of single capabilities in subject_grants. Service capabilities (service.*) belong to services only.
/// </summary>
public sealed class IdentityRegistry(RegistryDatabase database, TimeProvider time)
{
    public Task<RegistryResult<IdentityView>> PutAsync(ApiKeyKind kind, string id, string name, Guid? teamId, IReadOnlyList<string> capabilities, bool disabled, string createdBy,
        CancellationToken cancellationToken)
    {
        var table = IdentityTable.For(kind);
        if (!AccessNames.IsName(id)) return RegistryWriter.Invalid<IdentityView>($"'{id}' is not an {table.Noun} id: dot-separated lower-case words.");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return RegistryWriter.Invalid<IdentityView>("name must be 1 to 200 characters.");
        if (teamId is not null && kind != ApiKeyKind.Embassy) return RegistryWriter.Invalid<IdentityView>("Only an embassy belongs to a team.");
        if (kind != ApiKeyKind.Service && capabilities.FirstOrDefault(c => c.StartsWith("service.", StringComparison.Ordinal)) is { } internalCap)
        {
            return RegistryWriter.Invalid<IdentityView>($"{internalCap} is internal: only internal services hold service.* capabilities.");
        }
        var now = time.GetUtcNow();
        var distinct = capabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await RegistryWriter.MissingAsync(connection, transaction, "capabilities", "capability", distinct) is { } missing) return missing;
            var createdAt = await RegistryDatabase.ScalarAsync<DateTimeOffset>(connection, transaction, table.Upsert, id, name, teamId, disabled ? (DateTimeOffset?)now : null, now);
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                "DELETE FROM subject_grants WHERE subject_kind = $1 AND subject_id = $2 AND capability IS NOT NULL AND effect = 'allow' AND team_id IS NULL",
                table.SubjectKind, id);
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                "INSERT INTO subject_grants (grant_id, subject_kind, subject_id, capability, effect, note, created_by, created_at) " +
                "SELECT gen_random_uuid(), $1, $2, c, 'allow', 'capability', $3, $4 FROM unnest($5::text[]) AS c",
                table.SubjectKind, id, createdBy, now, distinct.ToArray());
            return RegistryResult<IdentityView>.Ok(new IdentityView(id, name, teamId, distinct, disabled, createdAt));
        }, cancellationToken);
    }

    public Task<List<IdentityView>> ListAsync(ApiKeyKind kind, CancellationToken cancellationToken)
    {
        var table = IdentityTable.For(kind);
        return database.QueryAsync(
            $"SELECT i.id, i.name, i.team_id, coalesce(array_agg(g.capability ORDER BY g.capability) FILTER (WHERE g.capability IS NOT NULL), '{{}}'), " +
            "i.disabled_at IS NOT NULL, i.created_at " +
            $"FROM ({table.Select}) i LEFT JOIN subject_grants g ON g.subject_kind = $1 AND g.subject_id = i.id AND g.capability IS NOT NULL AND g.effect = 'allow' AND g.team_id IS NULL " +
            "GROUP BY i.id, i.name, i.team_id, i.disabled_at, i.created_at ORDER BY i.id",
            r => new IdentityView(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetFieldValue<string[]>(3), r.GetBoolean(4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken, table.SubjectKind);
    }

    /// <summary>The SQL of each identity table, so one code path serves both.</summary>
    private sealed record IdentityTable(string SubjectKind, string Noun, string Upsert, string Select)
    {
        // Disabling keeps the first time it was disabled; enabling clears it.
        private static readonly IdentityTable Embassy = new("embassy", "embassy",
            "INSERT INTO embassies (embassy_id, name, team_id, disabled_at, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (embassy_id) DO UPDATE " +
            "SET name = EXCLUDED.name, team_id = EXCLUDED.team_id, disabled_at = CASE WHEN EXCLUDED.disabled_at IS NULL THEN NULL ELSE coalesce(embassies.disabled_at, EXCLUDED.disabled_at) END " +
            "RETURNING created_at",
            "SELECT embassy_id AS id, name, team_id, disabled_at, created_at FROM embassies");

        private static readonly IdentityTable Service = new("service", "internal service",
            "INSERT INTO internal_services (service_id, description, disabled_at, created_at) SELECT $1, $2, $4, $5 WHERE $3::uuid IS NULL ON CONFLICT (service_id) DO UPDATE " +
            "SET description = EXCLUDED.description, disabled_at = CASE WHEN EXCLUDED.disabled_at IS NULL THEN NULL ELSE coalesce(internal_services.disabled_at, EXCLUDED.disabled_at) END " +
            "RETURNING created_at",
            "SELECT service_id AS id, description AS name, NULL::uuid AS team_id, disabled_at, created_at FROM internal_services");

        public static IdentityTable For(ApiKeyKind kind) => kind switch
        {
            ApiKeyKind.Embassy => Embassy,
            ApiKeyKind.Service => Service,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Access keys belong to users, not to an identity."),
        };
    }
}
