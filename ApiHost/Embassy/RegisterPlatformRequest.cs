using System.Text.Json.Serialization;
using Daarion.Crypto.Webhooks;

namespace Daarion.ApiHost.Embassy;

/// <summary>POST /v1/embassy/platforms: a platform's name and a Standard Webhooks secret (whsec_ + base64 of 24–64 bytes).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterPlatformRequest(string? Platform, string? Secret)
{
    internal bool IsValid(out string? error)
    {
        error = null;
        if (!PlatformNames.IsValid(Platform)) error = $"platform must be {PlatformNames.Rule}.";
        else if (!WebhookSecret.TryParse(Secret, out _)) error = $"secret must be a Standard Webhooks secret: \"{WebhookSecret.Prefix}\" and the base64 of {WebhookSecret.MinLength} to {WebhookSecret.MaxLength} random bytes.";
        return error is null;
    }

    /// <summary>Hides the secret, so logging a request cannot leak it.</summary>
    public override string ToString() => $"RegisterPlatformRequest {{ Platform = {Platform} }}";
}
