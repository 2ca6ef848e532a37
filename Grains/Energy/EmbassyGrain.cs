using Daarion.Crypto.Webhooks;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Energy;

/// <summary>
/// The Embassy's platforms and secrets, in memory for verification. Verifying is read-only and needs no I/O; adding a
/// secret writes the tables with the grain's state, so this activation's view and the database change together.
/// </summary>
[GrainType("embassy")]
internal sealed class EmbassyGrain(EnergyStore store, EnergySecrets secrets, TimeProvider time, IOptions<EmbassyOptions> options) : Grain<EmbassyState>, IEmbassyGrain
{
    private readonly EmbassyOptions _options = options.Value;
    private Dictionary<string, PlatformRecord> _platforms = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _platforms = (await store.LoadPlatformsAsync(cancellationToken)).ToDictionary(p => p.Platform, StringComparer.Ordinal);

    public async Task<EnergyResult<PlatformView>> AddSecret(PlatformSecret secret)
    {
        var now = time.GetUtcNow();
        var value = WebhookSecret.Parse(secret.Secret);
        var secretId = Guid.CreateVersion7();
        var olderExpireAt = now + _options.RotationOverlap;
        var platform = _platforms.TryGetValue(secret.Platform, out var known) ? known : new PlatformRecord(secret.Platform, now, []);
        var rotated = platform.Secrets
            .Select(s => s.ExpiresAt is { } at && at <= olderExpireAt ? s : s with { ExpiresAt = olderExpireAt })
            .Prepend(new PlatformRecord.Secret(secretId, value, now, null))
            .ToList();
        var updated = platform with { Secrets = rotated };
        var result = EnergyResult<PlatformView>.Ok(View(updated, now));
        State.SecretsAdded++;
        await WriteStateAsync([], [.. EnergyStatements.AddSecret(secret.Platform, secretId, secrets.Seal(secretId, value), now, olderExpireAt), EnergyStatements.Answer(secret.Key, EnergyOperations.AddSecret, result)]);
        _platforms[secret.Platform] = updated;
        return result;
    }

    public Task<WebhookVerification> Verify(string platform, WebhookDelivery delivery)
    {
        var now = time.GetUtcNow();
        if (!_platforms.TryGetValue(platform, out var record)) return Task.FromResult(new WebhookVerification(WebhookCheck.UnknownPlatform));
        var current = Current(record, now).Select(s => s.Value).ToList();
        if (current.Count == 0) return Task.FromResult(new WebhookVerification(WebhookCheck.UnknownPlatform));
        var result = new StandardWebhook(current, time, _options.TimestampTolerance).Verify(delivery.Id, delivery.Timestamp, delivery.Signature, delivery.Body);
        return Task.FromResult(result.Failure switch
        {
            WebhookVerificationFailure.None => new WebhookVerification(WebhookCheck.Valid, result.Timestamp),
            WebhookVerificationFailure.MissingId or WebhookVerificationFailure.MissingTimestamp or WebhookVerificationFailure.MissingSignature => new WebhookVerification(WebhookCheck.MissingHeaders),
            WebhookVerificationFailure.InvalidTimestamp => new WebhookVerification(WebhookCheck.InvalidTimestamp),
            WebhookVerificationFailure.TimestampTooOld => new WebhookVerification(WebhookCheck.TimestampTooOld),
            WebhookVerificationFailure.TimestampTooNew => new WebhookVerification(WebhookCheck.TimestampTooNew),
            _ => new WebhookVerification(WebhookCheck.BadSignature),
        });
    }

    public Task<PlatformView?> Get(string platform) =>
        Task.FromResult(_platforms.TryGetValue(platform, out var record) ? View(record, time.GetUtcNow()) : null);

    // The secrets that verify now: those without an end, and those whose rotation overlap has not ended.
    private static IEnumerable<PlatformRecord.Secret> Current(PlatformRecord platform, DateTimeOffset now) =>
        platform.Secrets.Where(s => s.ExpiresAt is not { } at || at > now);

    private static PlatformView View(PlatformRecord platform, DateTimeOffset now) =>
        new(platform.Platform, platform.CreatedAt, [.. Current(platform, now).Select(s => new SecretView(s.SecretId, s.CreatedAt, s.ExpiresAt))]);
}
