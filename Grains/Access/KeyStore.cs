using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Creates, lists and revokes keys. An access key belongs to a user, may be limited to one team, and holds the
/// capabilities it was created with (within what its owner may do); embassy and service keys stand for their identity.
/// The token is returned once; only the secret's hash is stored. Revoking is effective on the next request.
/// </summary>
public sealed class KeyStore(RegistryDatabase database, TimeProvider time)
{
    private const string Columns = "k.key_id, k.kind, k.prefix, k.name, k.team_id, " +
        "coalesce(array_agg(c.capability ORDER BY c.capability) FILTER (WHERE c.capability IS NOT NULL), '{}'), " +
        "k.created_at, k.expires_at, k.revoked_at, k.last_used_at";

    private const string Owner = "CASE k.kind WHEN 'access' THEN k.user_id::text WHEN 'embassy' THEN k.embassy_id ELSE k.service_id END";

    public Task<RegistryResult<CreatedKey>> CreateAsync(ApiKeyKind kind, string ownerId, string name, Guid? teamId, IReadOnlyList<string> capabilities, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return RegistryWriter.Invalid<CreatedKey>("name must be 1 to 100 characters.");
        if (expiresAt <= now) return RegistryWriter.Invalid<CreatedKey>("expires_at must be in the future.");
        if (kind != ApiKeyKind.Access && (teamId is not null || capabilities.Count > 0))
        {
            return RegistryWriter.Invalid<CreatedKey>("An embassy or service key stands for its identity: it takes no team and no capabilities of its own.");
        }
        if (capabilities.FirstOrDefault(c => c.StartsWith("service.", StringComparison.Ordinal)) is { } internalCap)
        {
            return RegistryWriter.Invalid<CreatedKey>($"{internalCap} is internal: only internal services hold service.* capabilities.");
        }
        var userId = Guid.Empty;
        if (kind == ApiKeyKind.Access && !Guid.TryParse(ownerId, out userId)) return RegistryWriter.Invalid<CreatedKey>("Access keys belong to registered users.");

        var key = ApiKeyTokens.Generate(kind);
        var distinct = capabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var view = new KeyView(Guid.CreateVersion7(now), ApiKeyTokens.KindPrefix(kind) + key.Prefix, name, teamId, distinct, now, expiresAt, null, null);
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await RegistryWriter.MissingAsync(connection, transaction, "capabilities", "capability", distinct) is { } missing) return missing;
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                "INSERT INTO api_keys (key_id, kind, prefix, secret_hash, name, user_id, team_id, embassy_id, service_id, created_at, expires_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                view.KeyId, KindName(kind), key.Prefix, key.SecretHash, name,
                kind == ApiKeyKind.Access ? userId : null, teamId,
                kind == ApiKeyKind.Embassy ? ownerId : null, kind == ApiKeyKind.Service ? ownerId : null, now, expiresAt);
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                "INSERT INTO access_key_caps (key_id, capability) SELECT $1, unnest($2::text[])", view.KeyId, distinct.ToArray());
            return RegistryResult<CreatedKey>.Ok(new CreatedKey(view, key.Token));
        }, cancellationToken);
    }

    public Task<List<KeyView>> ListAsync(ApiKeyKind kind, string ownerId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM api_keys k LEFT JOIN access_key_caps c USING (key_id) WHERE k.kind = $1 AND {Owner} = $2 GROUP BY k.key_id ORDER BY k.key_id",
            Read, cancellationToken, KindName(kind), ownerId);

    /// <summary>Revokes the owner's key (again: no change); NotFound when the owner has no such key.</summary>
    public Task<RegistryResult<KeyView>> RevokeAsync(ApiKeyKind kind, string ownerId, Guid keyId, CancellationToken cancellationToken) =>
        database.ChangeAsync(async (connection, transaction) =>
        {
            await RegistryDatabase.ExecuteAsync(connection, transaction,
                $"UPDATE api_keys k SET revoked_at = $4 WHERE k.key_id = $3 AND k.kind = $1 AND {Owner} = $2 AND k.revoked_at IS NULL",
                KindName(kind), ownerId, keyId, time.GetUtcNow());
            var keys = await RegistryDatabase.QueryAsync(connection, transaction,
                $"SELECT {Columns} FROM api_keys k LEFT JOIN access_key_caps c USING (key_id) WHERE k.kind = $1 AND {Owner} = $2 AND k.key_id = $3 GROUP BY k.key_id",
                Read, KindName(kind), ownerId, keyId);
            return keys.Count == 1 ? RegistryResult<KeyView>.Ok(keys[0]) : RegistryResult<KeyView>.Fail(RegistryErrorCode.NotFound, $"Key {keyId} does not exist.");
        }, cancellationToken);

    private static KeyView Read(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        ApiKeyTokens.KindPrefix(r.GetString(1) switch { "access" => ApiKeyKind.Access, "embassy" => ApiKeyKind.Embassy, _ => ApiKeyKind.Service }) + r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetGuid(4),
        r.GetFieldValue<string[]>(5),
        r.GetFieldValue<DateTimeOffset>(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9));

    private static string KindName(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Access => "access",
        ApiKeyKind.Embassy => "embassy",
        _ => "service",
    };
}
