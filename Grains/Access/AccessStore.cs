using System.Data;
using Daarion.Grains.Interfaces.Access;
using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>The PDP's reads: the registry's version, its static part in one snapshot, and one subject's facts.</summary>
public sealed class AccessStore(NpgsqlDataSource dataSource)
{
    private static readonly string[] RegistryQueries =
    [
        "SELECT version FROM policy_registry",
        "SELECT capability, description, internal FROM capabilities ORDER BY capability",
        "SELECT b.bundle, b.description, c.capability, c.effect FROM bundles b LEFT JOIN bundle_caps c USING (bundle) ORDER BY b.bundle, c.capability",
        "SELECT role, rank, description FROM roles ORDER BY rank",
        "SELECT viewer_type, description FROM viewer_types ORDER BY viewer_type",
        "SELECT p.plan, p.description, e.role, e.bundle FROM plans p LEFT JOIN plan_entitlements e USING (plan) ORDER BY p.plan, e.role, e.bundle",
        "SELECT role, viewer_type, bundle FROM role_bundles ORDER BY role, viewer_type NULLS FIRST, bundle",
        "SELECT scope, bundle FROM scope_bundles ORDER BY scope, bundle",
        "SELECT subject_kind, bundle FROM kind_bundles ORDER BY subject_kind, bundle",
    ];

    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RegistryQueries[0]);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The static registry, read in one repeatable-read transaction so every part is of the same version.</summary>
    public async Task<RegistrySnapshot> ReadRegistryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var query in RegistryQueries) batch.BatchCommands.Add(new NpgsqlBatchCommand(query));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var version = (await ReadAllAsync(reader, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
        var capabilities = await ReadAllAsync(reader, r => new CapabilityView(r.GetString(0), r.GetString(1), r.GetBoolean(2)), cancellationToken).ConfigureAwait(false);
        var bundleRows = await ReadAllAsync(reader, r => (Bundle: r.GetString(0), Description: r.GetString(1), Cap: r.IsDBNull(2) ? null : new BundleCap(r.GetString(2), r.GetString(3))), cancellationToken).ConfigureAwait(false);
        var roles = await ReadAllAsync(reader, r => new RoleView(r.GetString(0), r.GetInt16(1), r.GetString(2)), cancellationToken).ConfigureAwait(false);
        var viewerTypes = await ReadAllAsync(reader, r => new ViewerTypeView(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var planRows = await ReadAllAsync(reader, r => (Plan: r.GetString(0), Description: r.GetString(1), Entitlement: r.IsDBNull(2) ? null : new PlanEntitlementView(r.GetString(2), r.GetString(3))), cancellationToken).ConfigureAwait(false);
        var roleBundles = await ReadAllAsync(reader, r => new RoleBundleView(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2)), cancellationToken).ConfigureAwait(false);
        var scopeBundles = await ReadAllAsync(reader, r => new ScopeBundleView(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var kindBundles = await ReadAllAsync(reader, r => new KindBundleView(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);

        var bundles = bundleRows.GroupBy(b => (b.Bundle, b.Description))
            .Select(g => new BundleView(g.Key.Bundle, g.Key.Description, [.. g.Where(b => b.Cap is not null).Select(b => b.Cap!)]))
            .ToList();
        var plans = planRows.GroupBy(p => (p.Plan, p.Description))
            .Select(g => new PlanView(g.Key.Plan, g.Key.Description, [.. g.Where(p => p.Entitlement is not null).Select(p => p.Entitlement!)]))
            .ToList();
        return new RegistrySnapshot(version, capabilities, bundles, roles, viewerTypes, plans, roleBundles, scopeBundles, kindBundles);
    }

    /// <summary>What the registry says about <paramref name="subject"/>; an unknown key or identity can do nothing.</summary>
    internal async Task<SubjectFacts> ReadFactsAsync(PolicySubject subject, CancellationToken cancellationToken)
    {
        switch (subject.Kind)
        {
            case SubjectKind.User:
                var memberships = Guid.TryParse(subject.Id, out var userId) ? await ReadMembershipsAsync(userId, cancellationToken).ConfigureAwait(false) : [];
                return new SubjectFacts(memberships, await ReadGrantsAsync(subject, cancellationToken).ConfigureAwait(false));
            case SubjectKind.AccessKey:
                return Guid.TryParse(subject.Id, out var keyId) ? await ReadAccessKeyAsync(keyId, cancellationToken).ConfigureAwait(false) : Unknown("no such access key");
            case SubjectKind.Embassy:
                return await ReadIdentityAsync(subject, "SELECT team_id, disabled_at FROM embassies WHERE embassy_id = $1", cancellationToken).ConfigureAwait(false);
            case SubjectKind.Service:
                return await ReadIdentityAsync(subject, "SELECT NULL::uuid, disabled_at FROM internal_services WHERE service_id = $1", cancellationToken).ConfigureAwait(false);
            default:
                return SubjectFacts.None;
        }
    }

    private async Task<List<Membership>> ReadMembershipsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT m.team_id, m.role, m.viewer_type, t.plan FROM team_members m JOIN teams t USING (team_id) WHERE m.user_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(reader, r => new Membership(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<DirectGrant>> ReadGrantsAsync(PolicySubject subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grant_id, team_id, bundle, capability, effect, note FROM subject_grants WHERE subject_kind = $1 AND subject_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = subject.KindName });
        command.Parameters.Add(new NpgsqlParameter { Value = subject.Id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(reader, r => new DirectGrant(
            r.GetGuid(0),
            r.IsDBNull(1) ? null : r.GetGuid(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3),
            r.GetString(4) == GrantEffects.Deny ? GrantEffect.Deny : GrantEffect.Allow,
            r.GetString(5)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubjectFacts> ReadAccessKeyAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT k.user_id, k.team_id, k.revoked_at IS NOT NULL, k.expires_at, " +
            "coalesce(array_agg(c.capability ORDER BY c.capability) FILTER (WHERE c.capability IS NOT NULL), '{}') " +
            "FROM api_keys k LEFT JOIN access_key_caps c USING (key_id) WHERE k.key_id = $1 AND k.kind = 'access' GROUP BY k.key_id");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return Unknown("no such access key");
        var key = new AccessKeyFacts(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetFieldValue<string[]>(4));
        return new SubjectFacts([], [], key, Disabled: reader.GetBoolean(2) ? "the access key was revoked" : null,
            ExpiresAt: reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    private async Task<SubjectFacts> ReadIdentityAsync(PolicySubject subject, string sql, CancellationToken cancellationToken)
    {
        Guid? team;
        bool disabled;
        await using (var command = dataSource.CreateCommand(sql))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = subject.Id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return Unknown($"no such {subject.KindName}");
            team = reader.IsDBNull(0) ? null : reader.GetGuid(0);
            disabled = !reader.IsDBNull(1);
        }
        var grants = await ReadGrantsAsync(subject, cancellationToken).ConfigureAwait(false);
        return new SubjectFacts([], grants, HomeTeamId: team, Disabled: disabled ? $"the {subject.KindName} is disabled" : null);
    }

    private static SubjectFacts Unknown(string why) => SubjectFacts.None with { Disabled = why };

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(read(reader));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return items;
    }
}
