namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A device key as registered: an Ed25519 public key (32 bytes) or an HMAC secret (16–64 bytes). Never returned.</summary>
public sealed record DeviceKey(string KeyId, DeviceKeyKind Type, byte[] Key)
{
    /// <summary>Fewest bytes of an HMAC device secret (Crypto's DeviceSignature refuses shorter keys).</summary>
    public const int MinHmacLength = 16;

    /// <summary>Most bytes of an HMAC device secret.</summary>
    public const int MaxHmacLength = 64;

    /// <summary>The size of an Ed25519 public key.</summary>
    public const int Ed25519Length = 32;

    /// <summary>Hides the key material, so logging a registration cannot leak a secret.</summary>
    public override string ToString() => $"DeviceKey {{ KeyId = {KeyId}, Type = {Type} }}";
}
