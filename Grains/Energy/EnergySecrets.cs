using System.Text;
using Daarion.Crypto.AtRest;
using Daarion.Crypto.Webhooks;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.Grains.Energy;

/// <summary>
/// The secrets of meter ingestion at rest: HMAC device keys and webhook secrets are sealed before they are written
/// (site_device_keys.sealed_key, embassy_secrets.sealed_secret) and opened when read, each bound to its row. Ed25519
/// device keys are public and stay as they are. Rows written before sealing existed keep their plaintext column until
/// <see cref="SecretResealer"/> seals them.
/// </summary>
public sealed class EnergySecrets(SecretSealer sealer)
{
    /// <summary>Bytes 1 to 8 of every value sealed now: values without them are sealed under an older key.</summary>
    internal byte[] CurrentKeyId => sealer.CurrentKeyId;

    /// <summary>The (plain, sealed) columns of a device key: a public key as it is, a shared secret sealed.</summary>
    internal (byte[]? Plain, byte[]? Sealed) Store(string siteId, DeviceKey key) =>
        key.Type == DeviceKeyKind.Ed25519 ? (key.Key, null) : (null, SealDeviceKey(siteId, key.KeyId, key.Key));

    internal byte[] SealDeviceKey(string siteId, string keyId, byte[] key) => sealer.Seal(key, DeviceKeyContext(siteId, keyId));

    /// <summary>A device key's material from its row: the plaintext column, or the sealed one opened.</summary>
    internal byte[] Load(string siteId, string keyId, byte[]? plain, byte[]? sealedKey) =>
        plain ?? sealer.Open(sealedKey ?? throw new InvalidDataException($"Device key {keyId} of site {siteId} has no material."), DeviceKeyContext(siteId, keyId));

    internal byte[] Seal(Guid secretId, WebhookSecret secret) => sealer.Seal(Encoding.UTF8.GetBytes(secret.Reveal()), WebhookSecretContext(secretId));

    internal WebhookSecret Load(Guid secretId, string? plain, byte[]? sealedSecret) => WebhookSecret.Parse(plain ?? Encoding.UTF8.GetString(
        sealer.Open(sealedSecret ?? throw new InvalidDataException($"Webhook secret {secretId} has no material."), WebhookSecretContext(secretId))));

    // The row a sealed value belongs to: a value moved to another row (or table) does not open there.
    private static string DeviceKeyContext(string siteId, string keyId) => $"site_device_keys/{siteId}/{keyId}";

    private static string WebhookSecretContext(Guid secretId) => $"embassy_secrets/{secretId:D}";
}
