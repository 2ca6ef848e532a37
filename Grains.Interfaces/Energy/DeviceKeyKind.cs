using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>How a device signs its readings: Ed25519 (its public key is registered) or HMAC-SHA256 (a shared secret).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceKeyKind>))]
public enum DeviceKeyKind
{
    [JsonStringEnumMemberName("ed25519")] Ed25519,
    [JsonStringEnumMemberName("hmac-sha256")] HmacSha256,
}
