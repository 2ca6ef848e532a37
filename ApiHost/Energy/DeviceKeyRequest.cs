using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>A device key of a meter: key_id, type (ed25519 | hmac-sha256) and the key in base64 (Ed25519: the 32-byte public key; HMAC: 16–64 secret bytes).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record DeviceKeyRequest(string? KeyId, string? Type, string? Key)
{
    public const string KeyIdRule = "1 to 64 letters, digits, '_', '.', ':' or '-', starting with a letter or digit";

    internal static bool IsKeyId(string? keyId) => keyId is not null && KeyIdPattern().IsMatch(keyId);

    /// <summary>The key, or null with the first problem in <paramref name="error"/> (kept if already set).</summary>
    internal static DeviceKey? ToKey(DeviceKeyRequest? request, ref string? error)
    {
        if (request?.KeyId is not { } keyId || !IsKeyId(keyId))
        {
            error ??= $"Each device key needs a key_id of {KeyIdRule}.";
            return null;
        }
        if (!EnergyNames.TryParse<DeviceKeyKind>(request.Type, out var type))
        {
            error ??= $"Device key '{keyId}': type must be ed25519 or hmac-sha256.";
            return null;
        }
        var buffer = new byte[DeviceKey.MaxHmacLength];
        var decoded = Convert.TryFromBase64String(request.Key ?? "", buffer, out var length);
        var fits = type == DeviceKeyKind.Ed25519 ? length == DeviceKey.Ed25519Length : length is >= DeviceKey.MinHmacLength and <= DeviceKey.MaxHmacLength;
        if (!decoded || !fits)
        {
            error ??= type == DeviceKeyKind.Ed25519
                ? $"Device key '{keyId}': key must be the base64 of a {DeviceKey.Ed25519Length}-byte Ed25519 public key."
                : $"Device key '{keyId}': key must be the base64 of {DeviceKey.MinHmacLength} to {DeviceKey.MaxHmacLength} secret bytes.";
            return null;
        }
        return new DeviceKey(keyId, type, buffer[..length]);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
    private static partial Regex KeyIdPattern();

    /// <summary>Hides the key, so logging a request cannot leak an HMAC secret.</summary>
    public override string ToString() => $"DeviceKeyRequest {{ KeyId = {KeyId}, Type = {Type} }}";
}
