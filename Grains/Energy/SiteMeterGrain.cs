using Daarion.Crypto.Devices;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo;
using Daarion.Silo.Events;
using Daarion.Silo.Storage;

namespace Daarion.Grains.Energy;

/// <summary>
/// A site and its meter. Its configuration comes from the site's tables on activation; its progress is the grain
/// state. Each call applies its readings in order against that state and, if anything changed, commits the state,
/// the site's rows (site_energy, rwa_inventory, quarantine, webhook) and its events in one transaction: a batch of a
/// site costs one write, whatever its size.
/// </summary>
[GrainType("site-meter")]
internal sealed class SiteMeterGrain(EnergyStore store, EnergySecrets secrets, MeterRules rules, TimeProvider time) : Grain<SiteMeterState>, ISiteMeterGrain
{
    private SiteRecord? _site;
    private Dictionary<string, DeviceSignature> _keys = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => Configure(await store.LoadSiteAsync(GetPrimaryKeyString(), cancellationToken));

    public Task<SiteView?> Get() => Task.FromResult(_site is null ? null : View(_site));

    public async Task<EnergyResult<SiteView>> Register(SiteRegistration registration, WriteKey key)
    {
        var now = time.GetUtcNow();
        if (_site is not null)
        {
            // A refusal decided by the site's state is the key's answer too.
            var exists = EnergyResult<SiteView>.Fail(EnergyErrorCode.SiteExists, $"Site {registration.SiteId} already exists.");
            await WriteStateAsync([], [EnergyStatements.Answer(key, EnergyOperations.RegisterSite, exists)]);
            return exists;
        }
        var site = new SiteRecord(registration.SiteId, registration.DaoId, registration.Domain, now, registration.Meter) { Platforms = registration.Platforms };
        State = new SiteMeterState();
        var created = EnergyResult<SiteView>.Ok(View(site));
        await WriteStateAsync([], [.. EnergyStatements.RegisterSite(registration, now, secrets), EnergyStatements.Answer(key, EnergyOperations.RegisterSite, created)]);
        Configure(site);
        return created;
    }

    public async Task<EnergyResult<SiteView>> AddDeviceKey(DeviceKey deviceKey, WriteKey key)
    {
        // An unknown site leaves no trace (no state row, no saved answer), as for readings.
        if (_site is not { } site) return SiteNotFound();
        var refusal = site.Meter is null ? NoMeter(site)
            : site.Meter.DeviceKeys.Any(k => k.KeyId == deviceKey.KeyId) || site.RevokedKeyIds.Contains(deviceKey.KeyId)
                ? EnergyResult<SiteView>.Fail(EnergyErrorCode.DeviceKeyExists,
                    $"Site {site.SiteId} has or had a device key '{deviceKey.KeyId}'; a key id is never given to another key.")
                : null;
        var changed = refusal is null ? site with { Meter = site.Meter! with { DeviceKeys = [.. site.Meter.DeviceKeys, deviceKey] } } : site;
        return await ChangeSiteAsync(key, EnergyOperations.AddDeviceKey, refusal, changed,
            [EnergyStatements.AddDeviceKey(site.SiteId, deviceKey, time.GetUtcNow(), secrets)]);
    }

    public async Task<EnergyResult<SiteView>> RevokeDeviceKey(string keyId, WriteKey key)
    {
        if (_site is not { } site) return SiteNotFound();
        var refusal = site.Meter is not { } meter ? NoMeter(site)
            : meter.DeviceKeys.All(k => k.KeyId != keyId)
                ? EnergyResult<SiteView>.Fail(EnergyErrorCode.DeviceKeyNotFound, $"Site {site.SiteId} has no device key '{keyId}' in use.")
                : meter.RequireSignature && meter.DeviceKeys.Count == 1
                    ? EnergyResult<SiteView>.Fail(EnergyErrorCode.LastRequiredKey,
                        $"'{keyId}' is the last device key of site {site.SiteId}, whose meter requires signatures: add its successor first.")
                    : null;
        var changed = refusal is null
            ? site with { Meter = site.Meter! with { DeviceKeys = [.. site.Meter.DeviceKeys.Where(k => k.KeyId != keyId)] }, RevokedKeyIds = [.. site.RevokedKeyIds, keyId] }
            : site;
        return await ChangeSiteAsync(key, EnergyOperations.RevokeDeviceKey, refusal, changed,
            [EnergyStatements.RevokeDeviceKey(site.SiteId, keyId, time.GetUtcNow())]);
    }

    public async Task<EnergyResult<SiteView>> SetPlatforms(IReadOnlyList<string>? platforms, WriteKey key)
    {
        if (_site is not { } site) return SiteNotFound();
        return await ChangeSiteAsync(key, EnergyOperations.SetPlatforms, null, site with { Platforms = platforms },
            EnergyStatements.SetPlatforms(site.SiteId, platforms));
    }

    public async Task<IReadOnlyList<ReadingOutcome>> Ingest(ReadingBatch batch)
    {
        // Unknown sites leave no trace (no state row, no stored webhook): a later replay is judged afresh.
        if (_site is not { } site) return Repeat(ReadingOutcome.Rejected(ReadingReason.UnknownSite), batch.Readings.Count);
        var now = time.GetUtcNow();
        var outcomes = new ReadingOutcome[batch.Readings.Count];
        var statements = new List<SqlStatement>();
        decimal paid = 0;
        var accepted = 0;
        (DateTimeOffset Ts, decimal Kwh)? latest = null;
        decimal firstKwh = 0;
        var fromAllowedPlatform = site.Accepts(batch.Receipt);
        for (var i = 0; i < outcomes.Length; i++)
        {
            var reading = batch.Readings[i];
            if (!fromAllowedPlatform)
            {
                outcomes[i] = ReadingOutcome.Rejected(ReadingReason.PlatformNotAllowed);
                continue;
            }
            if (site.Meter is not { } meter)
            {
                outcomes[i] = ReadingOutcome.Rejected(ReadingReason.NoMeter);
                continue;
            }
            if (CheckSignature(meter, reading) is { } refusal)
            {
                outcomes[i] = ReadingOutcome.Rejected(refusal);
                continue;
            }
            if (!EnergyUnits.TryToKwh(reading.Value, reading.Unit ?? meter.Unit, out var kwh))
            {
                outcomes[i] = ReadingOutcome.Rejected(ReadingReason.InvalidReading);
                continue;
            }
            if (i == 0) firstKwh = kwh;
            var decision = rules.Apply(State, meter.Kind, reading, kwh, now);
            switch (decision.Status)
            {
                case ReadingStatus.Accepted:
                    paid += decision.Kwh;
                    accepted++;
                    latest = (reading.Ts, kwh);
                    outcomes[i] = new ReadingOutcome(ReadingStatus.Accepted, Kwh: decision.Kwh);
                    break;
                case ReadingStatus.Quarantined:
                    var id = Guid.CreateVersion7();
                    statements.Add(EnergyStatements.Quarantine(id, site.SiteId, decision, reading, kwh, batch.Source, now));
                    outcomes[i] = new ReadingOutcome(ReadingStatus.Quarantined, decision.Reason, id, decision.Kwh);
                    break;
                default:
                    outcomes[i] = decision.Status == ReadingStatus.Duplicate ? ReadingOutcome.Duplicate : ReadingOutcome.Rejected(decision.Reason!.Value);
                    break;
            }
        }

        var events = new List<OutboxEvent>();
        if (latest is { } last)
        {
            statements.Add(EnergyStatements.Credit(site.SiteId, paid, accepted, now));
            events.Add(EnergyEvents.ReadingPublished(site, batch.Actor, last.Kwh, paid, last.Ts, accepted));
            events.Add(EnergyEvents.InventoryUpdated(site, batch.Actor, State.TotalKwh, paid));
        }
        if (batch.Receipt is { } receipt)
        {
            // A webhook carries one reading: stored with its outcome, announced, and for /embassy/energy also the platform's update.
            statements.Add(EnergyStatements.Webhook(receipt, site.SiteId, outcomes[0]));
            events.Add(EnergyEvents.WebhookReceived(site, receipt));
            if (receipt.Route == WebhookRoute.Energy && outcomes[0].Status is ReadingStatus.Accepted or ReadingStatus.Quarantined)
            {
                events.Add(EnergyEvents.EmbassyUpdate(site, receipt, firstKwh, batch.Readings[0].Ts));
            }
        }
        if (statements.Count > 0) await WriteStateAsync(events, statements);
        return outcomes;
    }

    public async Task<InventoryOutcome> ReportInventory(InventoryReport report)
    {
        if (_site is not { } site) return new InventoryOutcome(ReadingStatus.Rejected, ReadingReason.UnknownSite);
        var outcome = site.Accepts(report.Receipt) ? ApplyInventory(site, report) : new InventoryOutcome(ReadingStatus.Rejected, ReadingReason.PlatformNotAllowed);
        var now = time.GetUtcNow();
        var statements = new List<SqlStatement>();
        var events = new List<OutboxEvent>();
        if (outcome.Status == ReadingStatus.Accepted)
        {
            statements.Add(EnergyStatements.SetInventory(site.SiteId, report.Value, now));
            events.Add(EnergyEvents.InventoryUpdated(site, report.Actor, report.Value, outcome.Delta!.Value));
        }
        if (report.Receipt is { } receipt)
        {
            statements.Add(EnergyStatements.Webhook(receipt, site.SiteId, outcome));
            events.Add(EnergyEvents.WebhookReceived(site, receipt));
            if (outcome.Status == ReadingStatus.Accepted) events.Add(EnergyEvents.EmbassyUpdate(site, receipt, report.Value, report.Ts));
        }
        if (statements.Count > 0) await WriteStateAsync(events, statements);
        return outcome;
    }

    public async Task<EnergyResult<QuarantineView>> Resolve(QuarantineDecision decision)
    {
        var entry = await store.GetQuarantineAsync(decision.QuarantineId, CancellationToken.None);
        EnergyResult<QuarantineView> result;
        var statements = new List<SqlStatement>();
        var events = new List<OutboxEvent>();
        if (_site is not { } site || entry is null || entry.SiteId != site.SiteId)
        {
            result = EnergyResult<QuarantineView>.Fail(EnergyErrorCode.QuarantineNotFound, $"Quarantine entry {decision.QuarantineId} does not exist.");
        }
        else if (entry.Status != QuarantineStatus.Pending)
        {
            result = EnergyResult<QuarantineView>.Fail(EnergyErrorCode.QuarantineNotPending, $"Quarantine entry {decision.QuarantineId} is already {EnergyNames.Of(entry.Status)}.");
        }
        else
        {
            var now = time.GetUtcNow();
            var status = decision.Release ? QuarantineStatus.Released : QuarantineStatus.Rejected;
            statements.Add(EnergyStatements.Resolve(entry.QuarantineId, status, decision.OperatorId, now));
            if (decision.Release && entry.HeldKwh > 0)
            {
                // Released energy is payable from the release minute, like a reading accepted now.
                MeterRules.Released(State, entry.Reason, entry.HeldKwh);
                var actor = EventActor.User(decision.OperatorId);
                statements.Add(EnergyStatements.Credit(site.SiteId, entry.HeldKwh, 1, now));
                events.Add(EnergyEvents.ReadingPublished(site, actor, entry.ValueKwh, entry.HeldKwh, entry.ReadingTs, 1));
                events.Add(EnergyEvents.InventoryUpdated(site, actor, State.TotalKwh, entry.HeldKwh));
            }
            result = EnergyResult<QuarantineView>.Ok(entry with { Status = status, ResolvedAt = now, ResolvedBy = decision.OperatorId });
        }
        statements.Add(EnergyStatements.Answer(decision.Key, EnergyOperations.ResolveQuarantine, result));
        await WriteStateAsync(events, statements);
        return result;
    }

    private InventoryOutcome ApplyInventory(SiteRecord site, InventoryReport report)
    {
        if (site.Domain == RwaDomain.Energy || report.Domain != site.Domain) return new InventoryOutcome(ReadingStatus.Rejected, ReadingReason.WrongDomain);
        if (State.InventoryTs is { } last && report.Ts <= last)
        {
            return report.Ts == last && report.Value == State.InventoryValue
                ? new InventoryOutcome(ReadingStatus.Duplicate, Value: State.InventoryValue)
                : new InventoryOutcome(ReadingStatus.Rejected, ReadingReason.OutOfOrder);
        }
        var delta = report.Value - State.InventoryValue;
        State.InventoryValue = report.Value;
        State.InventoryTs = report.Ts;
        return new InventoryOutcome(ReadingStatus.Accepted, Value: report.Value, Delta: delta);
    }

    // Commits a change of the site's configuration (its rows) with the key's answer, then applies it; a refusal decided
    // by the site's state is the key's answer too, and changes nothing.
    private async Task<EnergyResult<SiteView>> ChangeSiteAsync(
        WriteKey key, string operation, EnergyResult<SiteView>? refusal, SiteRecord changed, IEnumerable<SqlStatement> changes)
    {
        var result = refusal ?? EnergyResult<SiteView>.Ok(View(changed));
        var answer = EnergyStatements.Answer(key, operation, result);
        await WriteStateAsync([], refusal is null ? [.. changes, answer] : [answer]);
        if (refusal is null) Configure(changed);
        return result;
    }

    private EnergyResult<SiteView> SiteNotFound() =>
        EnergyResult<SiteView>.Fail(EnergyErrorCode.SiteNotFound, $"Site {GetPrimaryKeyString()} does not exist.");

    private static EnergyResult<SiteView> NoMeter(SiteRecord site) =>
        EnergyResult<SiteView>.Fail(EnergyErrorCode.NoMeter, $"Site {site.SiteId} has no meter, hence no device keys ({EnergyNames.Of(site.Domain)} sites report inventory).");

    private ReadingReason? CheckSignature(MeterConfig meter, MeterReading reading)
    {
        if (reading.Signature is null || reading.SignedPayload is null) return meter.RequireSignature ? ReadingReason.SignatureRequired : null;
        // A reading may leave out the key id when the site has a single key.
        var keyId = reading.KeyId ?? (_keys.Count == 1 ? _keys.Keys.First() : null);
        if (keyId is null || !_keys.TryGetValue(keyId, out var key)) return ReadingReason.UnknownKey;
        return key.Verify(reading.SignedPayload, reading.Signature) ? null : ReadingReason.SignatureInvalid;
    }

    private void Configure(SiteRecord? site)
    {
        _site = site;
        _keys = site?.Meter?.DeviceKeys.ToDictionary(
            k => k.KeyId,
            k => new DeviceSignature(k.Type == DeviceKeyKind.Ed25519 ? DeviceKeyType.Ed25519 : DeviceKeyType.HmacSha256, k.Key),
            StringComparer.Ordinal) ?? [];
    }

    private SiteView View(SiteRecord site) => new(
        site.SiteId,
        site.DaoId,
        site.Domain,
        site.CreatedAt,
        site.Meter is { } meter
            ? new MeterView(meter.Kind, meter.Unit, meter.RequireSignature,
                [.. meter.DeviceKeys.Select(k => new DeviceKeyView(k.KeyId, k.Type, k.Type == DeviceKeyKind.Ed25519 ? Convert.ToBase64String(k.Key) : null))])
            : null,
        site.Meter is null
            ? null
            : new MeterStatus(State.LastSeq, State.LastTs, State.LastValueKwh, State.TotalKwh, State.Accepted, State.Quarantined, State.Peak),
        site.Platforms);

    private static ReadingOutcome[] Repeat(ReadingOutcome outcome, int count)
    {
        var outcomes = new ReadingOutcome[count];
        Array.Fill(outcomes, outcome);
        return outcomes;
    }
}
