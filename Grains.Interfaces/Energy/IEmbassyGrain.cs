using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// The Embassy's platforms and their webhook secrets (one activation, key <see cref="Key"/>). Secrets stay inside this
/// grain: callers hand it a delivery to verify. A new secret for a platform starts a rotation: the older ones keep
/// verifying until the rotation overlap ends.
/// </summary>
public interface IEmbassyGrain : IGrainWithStringKey
{
    public const string Key = "embassy";

    /// <summary>Registers the platform if new and adds the secret; older secrets of the platform expire after the overlap.</summary>
    Task<EnergyResult<PlatformView>> AddSecret(PlatformSecret secret);

    /// <summary>Checks a delivery's timestamp (±tolerance) and signature against the platform's current secrets.</summary>
    [ReadOnly]
    Task<WebhookVerification> Verify(string platform, WebhookDelivery delivery);

    /// <summary>The platform with its current secrets (no values), or null.</summary>
    [ReadOnly]
    Task<PlatformView?> Get(string platform);
}
