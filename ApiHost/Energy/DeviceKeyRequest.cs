using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Energy;

/// <summary>A device key of a meter: key_id, type (ed25519 | hmac-sha256) and the key in base64 (Ed25519: the 32-byte public key; HMAC: 16–64 secret bytes).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DeviceKeyRequest(string? KeyId, string? Type, string? Key)
{
    /// <summary>Hides the key, so logging a request cannot leak an HMAC secret.</summary>
    public override string ToString() => $"DeviceKeyRequest {{ KeyId = {KeyId}, Type = {Type} }}";
}
