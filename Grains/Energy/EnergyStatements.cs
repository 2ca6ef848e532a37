using Daarion.Grains.Interfaces.Energy;
using Daarion.Grains.Ledger;
using Daarion.Silo.Storage;

namespace Daarion.Grains.Energy;

/// <summary>The rows a site meter grain or the embassy grain commits with its state, one statement each.</summary>
internal static class EnergyStatements
{
    /// <summary>The inventory row of a site: one per site, named after it.</summary>
    public static string InventoryId(string siteId) => "inv_" + siteId;

    public static IEnumerable<SqlStatement> RegisterSite(SiteRegistration site, DateTimeOffset now, EnergySecrets secrets)
    {
        yield return new SqlStatement("INSERT INTO sites (site_id, dao_id, domain, created_at) VALUES ($1, $2, $3, $4)",
            site.SiteId, site.DaoId, EnergyNames.Of(site.Domain), now);
        yield return new SqlStatement("INSERT INTO rwa_inventory (inventory_id, site_id, domain, unit, value, updated_at) VALUES ($1, $2, $3, $4, 0, $5)",
            InventoryId(site.SiteId), site.SiteId, EnergyNames.Of(site.Domain), InventoryUnits.Of(site.Domain), now);
        if (site.Platforms is { Count: > 0 } platforms) yield return AddPlatforms(site.SiteId, platforms);
        if (site.Meter is not { } meter) yield break;
        yield return new SqlStatement("INSERT INTO site_meters (site_id, kind, unit, require_signature, created_at) VALUES ($1, $2, $3, $4, $5)",
            site.SiteId, EnergyNames.Of(meter.Kind), EnergyNames.Of(meter.Unit), meter.RequireSignature, now);
        foreach (var key in meter.DeviceKeys) yield return AddDeviceKey(site.SiteId, key, now, secrets);
    }

    /// <summary>Replaces the site's platforms list; none left means any verified platform.</summary>
    public static IEnumerable<SqlStatement> SetPlatforms(string siteId, IReadOnlyList<string>? platforms)
    {
        yield return new SqlStatement("DELETE FROM site_platforms WHERE site_id = $1", siteId);
        if (platforms is { Count: > 0 }) yield return AddPlatforms(siteId, platforms);
    }

    private static SqlStatement AddPlatforms(string siteId, IReadOnlyList<string> platforms) =>
        new("INSERT INTO site_platforms (site_id, platform) SELECT $1, unnest($2::text[])", siteId, platforms.ToArray());

    public static SqlStatement AddDeviceKey(string siteId, DeviceKey key, DateTimeOffset now, EnergySecrets secrets)
    {
        var (plain, sealedKey) = secrets.Store(siteId, key);
        return new("INSERT INTO site_device_keys (site_id, key_id, key_type, key, sealed_key, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            siteId, key.KeyId, EnergyNames.Of(key.Type), plain, sealedKey, now);
    }

    public static SqlStatement RevokeDeviceKey(string siteId, string keyId, DateTimeOffset now) => new(
        "UPDATE site_device_keys SET revoked_at = $3 WHERE site_id = $1 AND key_id = $2 AND revoked_at IS NULL",
        siteId, keyId, now);

    /// <summary>
    /// Makes <paramref name="kwh"/> payable in the minute of <paramref name="now"/> (site_energy, the payouts' input)
    /// and adds it to the site's inventory: one statement, so a batch of a site costs one row update of each.
    /// </summary>
    public static SqlStatement Credit(string siteId, decimal kwh, int readings, DateTimeOffset now) => new(
        """
        WITH energy AS (
            INSERT INTO site_energy (site_id, minute, kwh, readings) VALUES ($1, date_trunc('minute', $2::timestamptz), $3, $4)
            ON CONFLICT (site_id, minute) DO UPDATE SET kwh = site_energy.kwh + EXCLUDED.kwh, readings = site_energy.readings + EXCLUDED.readings)
        UPDATE rwa_inventory SET value = value + $3, updated_at = $2 WHERE inventory_id = $5
        """,
        siteId, now, kwh, readings, InventoryId(siteId));

    public static SqlStatement SetInventory(string siteId, decimal value, DateTimeOffset now) => new(
        "UPDATE rwa_inventory SET value = $2, updated_at = $3 WHERE inventory_id = $1", InventoryId(siteId), value, now);

    public static SqlStatement Quarantine(Guid id, string siteId, MeterDecision decision, MeterReading reading, decimal kwh, string source, DateTimeOffset now) => new(
        "INSERT INTO oracle_quarantine (quarantine_id, site_id, reason, detail, seq, reading_ts, value_kwh, held_kwh, source, received_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        id, siteId, EnergyNames.Of(decision.Reason!.Value), decision.Detail, reading.Seq, reading.Ts, kwh, decision.Kwh, source, now);

    public static SqlStatement Resolve(Guid id, QuarantineStatus status, string operatorId, DateTimeOffset now) => new(
        "UPDATE oracle_quarantine SET status = $2, resolved_at = $3, resolved_by = $4 WHERE quarantine_id = $1 AND status = 'pending'",
        id, EnergyNames.Of(status), now, operatorId);

    public static SqlStatement Webhook(WebhookReceipt receipt, string siteId, object outcome) => new(
        "INSERT INTO embassy_webhooks (platform, webhook_id, route, site_id, body_sha256, payload, outcome, signed_at, received_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)",
        receipt.Platform, receipt.WebhookId, EnergyNames.Of(receipt.Route), siteId, receipt.BodySha256, receipt.Payload,
        LedgerJson.Serialize(outcome), receipt.SignedAt, receipt.ReceivedAt);

    public static SqlStatement Answer<T>(WriteKey key, string operation, EnergyResult<T> result) where T : class => new(
        "INSERT INTO energy_idempotency (idempotency_scope, idempotency_key, request_hash, operation, outcome) VALUES ($1, $2, $3, $4, $5::jsonb)",
        key.Scope, key.Key, key.RequestHash, operation, LedgerJson.Serialize(result with { Replayed = false }));

    public static IEnumerable<SqlStatement> AddSecret(string platform, Guid secretId, byte[] sealedSecret, DateTimeOffset now, DateTimeOffset olderExpireAt)
    {
        yield return new SqlStatement("INSERT INTO embassy_platforms (platform, created_at) VALUES ($1, $2) ON CONFLICT (platform) DO NOTHING", platform, now);
        // The platform acts as the embassy identity of the same name. A new one gets the embassy.platform bundle (the
        // webhooks' capabilities); an operator narrows or suspends it with grants like any embassy's.
        yield return new SqlStatement(
            "WITH created AS (INSERT INTO embassies (embassy_id, name, created_at) VALUES ($1, $1, $2) ON CONFLICT (embassy_id) DO NOTHING RETURNING embassy_id) " +
            "INSERT INTO subject_grants (grant_id, subject_kind, subject_id, bundle, effect, note, created_by) " +
            "SELECT $3, 'embassy', embassy_id, 'embassy.platform', 'allow', 'registered as a webhook platform', 'embassy' FROM created",
            platform, now, Guid.CreateVersion7());
        yield return new SqlStatement(
            "UPDATE embassy_secrets SET expires_at = $2 WHERE platform = $1 AND (expires_at IS NULL OR expires_at > $2)", platform, olderExpireAt);
        yield return new SqlStatement("INSERT INTO embassy_secrets (secret_id, platform, sealed_secret, created_at) VALUES ($1, $2, $3, $4)", secretId, platform, sealedSecret, now);
    }
}
