using Daarion.Crypto.Webhooks;

namespace Daarion.Grains.Energy;

/// <summary>A platform with its secrets, newest first, as embassy_platforms and embassy_secrets hold them.</summary>
internal sealed record PlatformRecord(string Platform, DateTimeOffset CreatedAt, List<PlatformRecord.Secret> Secrets)
{
    internal sealed record Secret(Guid SecretId, WebhookSecret Value, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
}
