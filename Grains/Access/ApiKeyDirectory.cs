using System.Collections.Concurrent;
using System.Security.Cryptography;
using Daarion.Grains.Interfaces.Access;
using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Authenticates key tokens: finds the row by prefix (cached until the registry changes, so a revocation is effective
/// on the next request), compares the secret's hash in constant time, checks revocation, expiry and the identity, and
/// records the use.
/// </summary>
public sealed class ApiKeyDirectory
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ApiKeyUsage _usage;
    private readonly TimeProvider _time;
    private volatile ConcurrentDictionary<string, ApiKeyRecord> _known = new(StringComparer.Ordinal);

    internal ApiKeyDirectory(NpgsqlDataSource dataSource, PolicyCatalog catalog, ApiKeyUsage usage, TimeProvider time)
    {
        _dataSource = dataSource;
        _usage = usage;
        _time = time;
        catalog.Changed += _ => _known = new ConcurrentDictionary<string, ApiKeyRecord>(StringComparer.Ordinal);
    }

    public async ValueTask<KeyAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyTokens.TryParse(token, out var kind, out var prefix, out var hash)) return KeyAuthentication.Fail("the key is malformed");
        var known = _known;
        if (!known.TryGetValue(prefix, out var key))
        {
            key = await FindAsync(prefix, cancellationToken).ConfigureAwait(false);
            if (key is not null) known[prefix] = key;
        }
        if (key is null || key.Kind != kind || !CryptographicOperations.FixedTimeEquals(key.SecretHash, hash)) return KeyAuthentication.Fail("the key is not known");
        if (key.Revoked) return KeyAuthentication.Fail("the key was revoked");
        if (key.ExpiresAt <= _time.GetUtcNow()) return KeyAuthentication.Fail("the key expired");
        if (key.IdentityDisabled) return KeyAuthentication.Fail($"the key's {(kind == ApiKeyKind.Embassy ? "embassy" : "service")} is disabled");
        _usage.Record(key.KeyId, _time.GetUtcNow());
        var subjectKind = kind switch
        {
            ApiKeyKind.Access => SubjectKind.AccessKey,
            ApiKeyKind.Embassy => SubjectKind.Embassy,
            _ => SubjectKind.Service,
        };
        return new KeyAuthentication(new PolicySubject(subjectKind, key.SubjectId), null);
    }

    private async Task<ApiKeyRecord?> FindAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT k.key_id, k.kind, k.secret_hash, coalesce(k.embassy_id, k.service_id, k.key_id::text), k.expires_at, k.revoked_at IS NOT NULL, " +
            "coalesce(e.disabled_at, s.disabled_at) IS NOT NULL " +
            "FROM api_keys k LEFT JOIN embassies e USING (embassy_id) LEFT JOIN internal_services s USING (service_id) WHERE k.prefix = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = prefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var kind = reader.GetString(1) switch
        {
            "access" => ApiKeyKind.Access,
            "embassy" => ApiKeyKind.Embassy,
            _ => ApiKeyKind.Service,
        };
        return new ApiKeyRecord(reader.GetGuid(0), kind, (byte[])reader[2], reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetBoolean(5), reader.GetBoolean(6));
    }
}
