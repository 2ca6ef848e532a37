using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Grains.Energy;

/// <summary>
/// At start (after the migrations), seals the secrets still stored in plaintext (rows written before sealing existed)
/// and re-seals those sealed under a previous key, so that key can be retired. Each row changes only if it still holds
/// what was read, so a host doing the same at the same time, or a grain writing meanwhile, is never overwritten.
/// </summary>
internal sealed class SecretResealer(NpgsqlDataSource dataSource, EnergySecrets secrets, ILogger<SecretResealer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deviceKeys = await ResealDeviceKeysAsync(cancellationToken);
        var webhookSecrets = await ResealWebhookSecretsAsync(cancellationToken);
        if (deviceKeys + webhookSecrets > 0) Log.SecretsResealed(logger, deviceKeys, webhookSecrets);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> ResealDeviceKeysAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(string SiteId, string KeyId, byte[]? Plain, byte[]? Sealed)>();
        await using (var select = dataSource.CreateCommand(
            "SELECT site_id, key_id, key, sealed_key FROM site_device_keys " +
            "WHERE key_type = 'hmac-sha256' AND (key IS NOT NULL OR substring(sealed_key FROM 2 FOR 8) <> $1)"))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = secrets.CurrentKeyId });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : (byte[])reader[2], reader.IsDBNull(3) ? null : (byte[])reader[3]));
            }
        }
        var changed = 0;
        foreach (var (siteId, keyId, plain, sealedKey) in rows)
        {
            var resealed = secrets.SealDeviceKey(siteId, keyId, secrets.Load(siteId, keyId, plain, sealedKey));
            changed += await UpdateAsync(
                "UPDATE site_device_keys SET key = NULL, sealed_key = $3 WHERE site_id = $1 AND key_id = $2 " +
                "AND key IS NOT DISTINCT FROM $4 AND sealed_key IS NOT DISTINCT FROM $5",
                [siteId, keyId, resealed, plain, sealedKey], cancellationToken);
        }
        return changed;
    }

    private async Task<int> ResealWebhookSecretsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(Guid SecretId, string? Plain, byte[]? Sealed)>();
        await using (var select = dataSource.CreateCommand(
            "SELECT secret_id, secret, sealed_secret FROM embassy_secrets WHERE secret IS NOT NULL OR substring(sealed_secret FROM 2 FOR 8) <> $1"))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = secrets.CurrentKeyId });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : (byte[])reader[2]));
            }
        }
        var changed = 0;
        foreach (var (secretId, plain, sealedSecret) in rows)
        {
            var resealed = secrets.Seal(secretId, secrets.Load(secretId, plain, sealedSecret));
            changed += await UpdateAsync(
                "UPDATE embassy_secrets SET secret = NULL, sealed_secret = $2 WHERE secret_id = $1 " +
                "AND secret IS NOT DISTINCT FROM $3 AND sealed_secret IS NOT DISTINCT FROM $4",
                [secretId, resealed, plain, sealedSecret], cancellationToken);
        }
        return changed;
    }

    private async Task<int> UpdateAsync(string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var update = dataSource.CreateCommand(sql);
        foreach (var value in values) update.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
