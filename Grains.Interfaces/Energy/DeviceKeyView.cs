namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A registered device key as shown: the Ed25519 public key (base64), never an HMAC secret.</summary>
public sealed record DeviceKeyView(string KeyId, DeviceKeyKind Type, string? PublicKey);
