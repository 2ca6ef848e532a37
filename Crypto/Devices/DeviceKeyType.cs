namespace Daarion.Crypto.Devices;

/// <summary>How a meter or other device signs its readings.</summary>
public enum DeviceKeyType
{
    /// <summary>Ed25519 with the device's 32-byte public key registered on our side.</summary>
    Ed25519,

    /// <summary>HMAC-SHA256 with a symmetric key shared with the device.</summary>
    HmacSha256,
}
