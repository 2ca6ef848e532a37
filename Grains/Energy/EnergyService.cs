using Daarion.Grains.Access;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Grains.Ledger;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Grains.Energy;

/// <summary>
/// Meter ingestion for the API: batches split per site (one grain call each, in parallel), webhooks answered once
/// per (platform, webhook-id), and admin writes answered once per idempotency key.
/// </summary>
public sealed class EnergyService(IGrainFactory grains, EnergyStore store, PolicyCatalog policy, ILogger<EnergyService> logger)
{
    private const string UniqueViolation = "23505";

    private readonly ConcurrentDictionary<(string Platform, string Id), Task> _webhooksInFlight = new();

    public Task<SiteView?> GetSiteAsync(string siteId) => Site(siteId).Get();

    public async Task<EnergyResult<SiteView>> RegisterSiteAsync(WriteKey key, SiteRegistration registration)
    {
        try
        {
            return await OnceAsync(key, EnergyOperations.RegisterSite, () => Site(registration.SiteId).Register(registration, key));
        }
        catch (PostgresException e) when (e is { SqlState: UniqueViolation, ConstraintName: "sites_pkey" })
        {
            // Written to the table behind the grain's back (by hand or by another silo): it exists all the same.
            return EnergyResult<SiteView>.Fail(EnergyErrorCode.SiteExists, $"Site {registration.SiteId} already exists.");
        }
    }

    public Task<EnergyResult<SiteView>> AddDeviceKeyAsync(WriteKey key, string siteId, DeviceKey deviceKey) =>
        OnceAsync(key, EnergyOperations.AddDeviceKey, () => Site(siteId).AddDeviceKey(deviceKey, key));

    public Task<EnergyResult<SiteView>> RevokeDeviceKeyAsync(WriteKey key, string siteId, string keyId) =>
        OnceAsync(key, EnergyOperations.RevokeDeviceKey, () => Site(siteId).RevokeDeviceKey(keyId, key));

    public Task<EnergyResult<SiteView>> SetSitePlatformsAsync(WriteKey key, string siteId, IReadOnlyList<string>? platforms) =>
        OnceAsync(key, EnergyOperations.SetPlatforms, () => Site(siteId).SetPlatforms(platforms, key));

    public async Task<EnergyResult<PlatformView>> AddPlatformSecretAsync(PlatformSecret secret)
    {
        var result = await OnceAsync(secret.Key, EnergyOperations.AddSecret, () => Embassy.AddSecret(secret));
        // A new platform is a new embassy with its grant: decide on it from the next request on, as after any registry change here.
        if (result.Error is null) await policy.RefreshAsync();
        return result;
    }

    public Task<PlatformView?> GetPlatformAsync(string platform) => Embassy.Get(platform);

    public Task<WebhookVerification> VerifyWebhookAsync(string platform, WebhookDelivery delivery) => Embassy.Verify(platform, delivery);

    public Task<EnergyResult<QuarantineView>> ResolveQuarantineAsync(WriteKey key, Guid quarantineId, bool release, string operatorId) =>
        OnceAsync(key, EnergyOperations.ResolveQuarantine, async () =>
        {
            // Unknown ids are refused before any grain is involved, and not saved: there is nothing to answer for.
            if (await store.GetQuarantineAsync(quarantineId, CancellationToken.None) is not { } entry)
            {
                return EnergyResult<QuarantineView>.Fail(EnergyErrorCode.QuarantineNotFound, $"Quarantine entry {quarantineId} does not exist.");
            }
            return await Site(entry.SiteId).Resolve(new QuarantineDecision(quarantineId, release, operatorId, key));
        });

    /// <summary>
    /// Applies readings of many sites: each site's readings go to its grain in one call (in the order given), the
    /// sites in parallel. Outcomes come back in the readings' order; a site that could not be reached gets
    /// <see cref="ReadingStatus.Failed"/> for its readings, the others are unaffected.
    /// </summary>
    public async Task<ReadingOutcome[]> IngestAsync(string source, EventActor actor, IReadOnlyList<SiteReading> readings)
    {
        var outcomes = new ReadingOutcome[readings.Count];
        var bySite = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
        {
            if (!bySite.TryGetValue(readings[i].SiteId, out var indexes)) bySite.Add(readings[i].SiteId, indexes = []);
            indexes.Add(i);
        }
        await Task.WhenAll(bySite.Select(async site =>
        {
            var batch = new ReadingBatch(source, actor, [.. site.Value.Select(i => readings[i].Reading)]);
            try
            {
                var results = await Site(site.Key).Ingest(batch);
                for (var j = 0; j < site.Value.Count; j++) outcomes[site.Value[j]] = results[j];
            }
            catch (Exception e) when (IsTransient(e))
            {
                Log.SiteIngestFailed(logger, e, site.Key, site.Value.Count);
                foreach (var i in site.Value) outcomes[i] = ReadingOutcome.Unavailable;
            }
        }));
        return outcomes;
    }

    /// <summary>A reading sent as a webhook: applied once, and the same answer for every replay of its id.</summary>
    public Task<WebhookAnswer<ReadingOutcome>> ReceiveReadingAsync(WebhookReceipt receipt, string siteId, MeterReading reading) =>
        ReceiveAsync(receipt, async () =>
            (await Site(siteId).Ingest(new ReadingBatch("embassy:" + receipt.Platform, EventActor.Embassy(receipt.Platform), [reading], receipt)))[0]);

    /// <summary>A stock report sent as a webhook: applied once, and the same answer for every replay of its id.</summary>
    public Task<WebhookAnswer<InventoryOutcome>> ReceiveInventoryAsync(string siteId, InventoryReport report) =>
        ReceiveAsync(report.Receipt!, () => Site(siteId).ReportInventory(report));

    private async Task<WebhookAnswer<T>> ReceiveAsync<T>(WebhookReceipt receipt, Func<Task<T>> apply) where T : class
    {
        var slot = (receipt.Platform, receipt.WebhookId);
        for (var attempt = 0; ; attempt++)
        {
            if (await store.FindWebhookAsync(receipt.Platform, receipt.WebhookId, CancellationToken.None) is { } stored)
            {
                return CryptographicOperations.FixedTimeEquals(stored.BodySha256, receipt.BodySha256)
                    ? new WebhookAnswer<T>(LedgerJson.Deserialize<T>(stored.Outcome), Replayed: true)
                    : new WebhookAnswer<T>(null, IdReused: true);
            }
            // Deliveries of one id in flight at once: the first applies it, the others wait and read its answer.
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = _webhooksInFlight.GetOrAdd(slot, mine.Task);
            if (running != mine.Task)
            {
                await running;
                continue;
            }
            try
            {
                return new WebhookAnswer<T>(await apply());
            }
            catch (PostgresException e) when (e is { SqlState: UniqueViolation, ConstraintName: "embassy_webhooks_pkey" } && attempt == 0)
            {
                // Another silo stored this id first; its row is the answer.
            }
            finally
            {
                _webhooksInFlight.TryRemove(KeyValuePair.Create(slot, mine.Task));
                mine.SetResult();
            }
        }
    }

    /// <summary>The saved answer to the key if there is one, else the write's own, saved with its effect.</summary>
    private async Task<EnergyResult<T>> OnceAsync<T>(WriteKey key, string operation, Func<Task<EnergyResult<T>>> execute) where T : class
    {
        if (await SavedAsync<T>(key, operation) is { } saved) return saved;
        try
        {
            return await execute();
        }
        catch (PostgresException e) when (e is { SqlState: UniqueViolation, ConstraintName: "energy_idempotency_pkey" })
        {
            // A concurrent request with the same key committed first: answer as it was answered.
            return await SavedAsync<T>(key, operation) ?? throw new InvalidOperationException("An idempotency key conflicted but holds no answer.", e);
        }
    }

    private async Task<EnergyResult<T>?> SavedAsync<T>(WriteKey key, string operation) where T : class
    {
        if (await store.FindAnswerAsync(key.Scope, key.Key, CancellationToken.None) is not { } answer) return null;
        if (answer.Operation != operation || !CryptographicOperations.FixedTimeEquals(answer.RequestHash, key.RequestHash))
        {
            return EnergyResult<T>.Fail(EnergyErrorCode.IdempotencyConflict, "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        }
        return LedgerJson.Deserialize<EnergyResult<T>>(answer.Outcome) with { Replayed = true };
    }

    private static bool IsTransient(Exception e) =>
        e is NpgsqlException or GrainOverloadedException or GrainCallTimeoutException or InconsistentStateException or GrainActivationException;

    private ISiteMeterGrain Site(string siteId) => grains.GetGrain<ISiteMeterGrain>(siteId);

    private IEmbassyGrain Embassy => grains.GetGrain<IEmbassyGrain>(IEmbassyGrain.Key);
}
