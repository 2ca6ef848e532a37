using Daarion.Crypto.Webhooks;
using Daarion.Grains.Interfaces.Energy;
using Npgsql;

namespace Daarion.Grains.Energy;

/// <summary>The reads of meter ingestion: sites with their keys, platforms, stored webhooks and answers, quarantine, inventory.</summary>
public sealed class EnergyStore(NpgsqlDataSource dataSource, EnergySecrets secrets)
{
    internal async Task<SiteRecord?> LoadSiteAsync(string siteId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.dao_id, s.domain, s.created_at, m.kind, m.unit, m.require_signature, k.key_id, k.key_type, k.key, k.revoked_at IS NOT NULL, k.sealed_key, " +
            "(SELECT array_agg(p.platform ORDER BY p.platform) FROM site_platforms p WHERE p.site_id = s.site_id) " +
            "FROM sites s LEFT JOIN site_meters m ON m.site_id = s.site_id LEFT JOIN site_device_keys k ON k.site_id = s.site_id " +
            "WHERE s.site_id = $1 ORDER BY k.key_id");
        command.Parameters.Add(new NpgsqlParameter { Value = siteId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        SiteRecord? site = null;
        var keys = new List<DeviceKey>();
        var revoked = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            site ??= new SiteRecord(siteId, reader.GetString(0), EnergyNames.Parse<RwaDomain>(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : new MeterConfig(EnergyNames.Parse<MeterKind>(reader.GetString(3)), EnergyNames.Parse<EnergyUnit>(reader.GetString(4)), reader.GetBoolean(5), keys))
            {
                Platforms = reader.IsDBNull(11) ? null : reader.GetFieldValue<string[]>(11),
            };
            if (reader.IsDBNull(6)) continue;
            if (reader.GetBoolean(9)) revoked.Add(reader.GetString(6));
            else keys.Add(new DeviceKey(reader.GetString(6), EnergyNames.Parse<DeviceKeyKind>(reader.GetString(7)),
                secrets.Load(siteId, reader.GetString(6), reader.IsDBNull(8) ? null : (byte[])reader[8], reader.IsDBNull(10) ? null : (byte[])reader[10])));
        }
        return site is null ? null : site with { RevokedKeyIds = revoked };
    }

    internal async Task<List<PlatformRecord>> LoadPlatformsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT p.platform, p.created_at, s.secret_id, s.secret, s.created_at, s.expires_at, s.sealed_secret " +
            "FROM embassy_platforms p LEFT JOIN embassy_secrets s ON s.platform = p.platform ORDER BY p.platform, s.created_at DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var platforms = new List<PlatformRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (platforms.Count == 0 || platforms[^1].Platform != name) platforms.Add(new PlatformRecord(name, reader.GetFieldValue<DateTimeOffset>(1), []));
            if (reader.IsDBNull(2)) continue;
            var secretId = reader.GetGuid(2);
            platforms[^1].Secrets.Add(new PlatformRecord.Secret(secretId, secrets.Load(secretId, reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(6) ? null : (byte[])reader[6]),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return platforms;
    }

    internal async Task<StoredWebhook?> FindWebhookAsync(string platform, string webhookId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT body_sha256, outcome::text FROM embassy_webhooks WHERE platform = $1 AND webhook_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = platform });
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredWebhook((byte[])reader[0], reader.GetString(1)) : null;
    }

    internal async Task<SavedAnswer?> FindAnswerAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT request_hash, operation, outcome::text FROM energy_idempotency WHERE idempotency_scope = $1 AND idempotency_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SavedAnswer((byte[])reader[0], reader.GetString(1), reader.GetString(2)) : null;
    }

    internal async Task<QuarantineView?> GetQuarantineAsync(Guid quarantineId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(QuarantineColumns + " WHERE quarantine_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = quarantineId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadQuarantine(reader) : null;
    }

    /// <summary>
    /// Quarantined readings, oldest first, optionally of one site and one status; <paramref name="after"/> is the
    /// last id of the previous page (ids are UUIDv7, so they follow arrival order).
    /// </summary>
    public async Task<IReadOnlyList<QuarantineView>> ListQuarantineAsync(string? siteId, QuarantineStatus? status, Guid? after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(QuarantineColumns +
            " WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR quarantine_id > $3)" +
            " ORDER BY quarantine_id LIMIT $4");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)siteId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = status is { } s ? EnergyNames.Of(s) : (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<QuarantineView>();
        while (await reader.ReadAsync(cancellationToken)) page.Add(ReadQuarantine(reader));
        return page;
    }

    /// <summary>The RWA inventory, optionally of one site and one domain, by site.</summary>
    public async Task<IReadOnlyList<InventoryView>> ListInventoryAsync(string? siteId, RwaDomain? domain, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT inventory_id, site_id, domain, unit, value, updated_at FROM rwa_inventory " +
            "WHERE ($1::text IS NULL OR site_id = $1) AND ($2::text IS NULL OR domain = $2) ORDER BY site_id, domain LIMIT 1000");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)siteId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = domain is { } d ? EnergyNames.Of(d) : (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<InventoryView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new InventoryView(reader.GetString(0), reader.GetString(1), EnergyNames.Parse<RwaDomain>(reader.GetString(2)), reader.GetString(3),
                Trim(reader.GetDecimal(4)), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return rows;
    }

    /// <summary>numeric(28,12) reads back with 12 decimals; values are shown as written ("50", not "50.000000000000").</summary>
    private static decimal Trim(decimal value)
    {
        for (var decimals = 0; decimals < EnergyUnits.KwhDecimals; decimals++)
        {
            var rounded = Math.Round(value, decimals);
            if (rounded == value) return rounded;
        }
        return value;
    }

    private const string QuarantineColumns =
        "SELECT quarantine_id, site_id, reason, detail, seq, reading_ts, value_kwh, held_kwh, source, received_at, status, resolved_at, resolved_by FROM oracle_quarantine";

    private static QuarantineView ReadQuarantine(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        EnergyNames.Parse<ReadingReason>(reader.GetString(2)),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        Trim(reader.GetDecimal(6)),
        Trim(reader.GetDecimal(7)),
        reader.GetString(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        EnergyNames.Parse<QuarantineStatus>(reader.GetString(10)),
        reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        reader.IsDBNull(12) ? null : reader.GetString(12));
}
