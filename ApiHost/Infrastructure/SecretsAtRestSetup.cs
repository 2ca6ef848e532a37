using Daarion.Crypto.AtRest;

namespace Daarion.ApiHost.Infrastructure;

public static class SecretsAtRestSetup
{
    private const string DevelopmentKeyFileName = "secrets-key";

    /// <summary>
    /// The key secrets are sealed under before they are stored (webhook secrets, HMAC device keys): SECRETS_KEY, base64
    /// of 32 random bytes; SECRETS_KEY_PREVIOUS, comma-separated older keys that still open what they sealed until the
    /// host re-seals it at start. Without SECRETS_KEY a host on its private PostgreSQL (development) keeps a random key
    /// under DAARION_DATA_DIR; a host on an external database refuses to start, since the key must live apart from the
    /// data it protects.
    /// </summary>
    public static void AddSecretsAtRest(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var (key, _) = DevelopmentKeyFile.Resolve(configuration, "SECRETS_KEY",
            "webhook secrets and HMAC device keys are stored sealed under it; base64 of 32 random bytes, e.g. from `openssl rand -base64 32`",
            DevelopmentKeyFileName, text => ParseKey("SECRETS_KEY", text));
        var previous = (configuration["SECRETS_KEY_PREVIOUS"] ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(text => ParseKey("SECRETS_KEY_PREVIOUS", text))
            .ToList();
        builder.Services.AddSingleton(new SecretSealer(key, previous));
    }

    // The message never contains the text: it is a secret, even when malformed.
    private static byte[] ParseKey(string name, string text)
    {
        var buffer = new byte[SecretSealer.KeySize + 3];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == SecretSealer.KeySize
            ? buffer[..written]
            : throw new InvalidOperationException($"{name} must be base64 of {SecretSealer.KeySize} random bytes (e.g. from `openssl rand -base64 32`).");
    }
}
