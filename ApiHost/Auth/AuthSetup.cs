using System.Security.Cryptography;
using System.Text;
using Daarion.Grains.Access;
using Daarion.Grains.Logins;

namespace Daarion.ApiHost.Auth;

public static class AuthSetup
{
    private const string DevelopmentSecretFile = "jwt-secret";

    /// <summary>
    /// Bearer tokens signed with JWT_SECRET. Without it, a host on its private PostgreSQL (development) keeps a random
    /// secret under DAARION_DATA_DIR; a host on an external database refuses to start, since a guessable default
    /// secret would let anyone mint tokens.
    /// </summary>
    public static void AddBearerAccessControl(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var secret = configuration["JWT_SECRET"];
        var development = string.IsNullOrWhiteSpace(secret);
        if (development && !string.IsNullOrWhiteSpace(configuration["DATABASE_URL"]))
        {
            throw new InvalidOperationException("JWT_SECRET is not set. It is required when DATABASE_URL names an external database (use at least 32 random bytes).");
        }
        var key = development
            ? LoadOrCreateDevelopmentSecret(Path.GetFullPath(configuration["DAARION_DATA_DIR"] ?? ".data"))
            : Encoding.UTF8.GetBytes(secret!);
        var audience = configuration["JWT_AUDIENCE"];
        var options = new JwtOptions { Secret = key, Audience = string.IsNullOrWhiteSpace(audience) ? JwtOptions.DefaultAudience : audience };

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new DevelopmentAccess(development));
        builder.Services.AddSingleton<JwtValidator>();
        builder.Services.AddSingleton<JwtIssuer>();
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddAccessControl();
        // Email codes are hashed under a key of their own, derived from the token secret.
        builder.Services.AddLogins(HMACSHA256.HashData(key, "daarion one-time codes v1"u8));
    }

    private static byte[] LoadOrCreateDevelopmentSecret(string dataRoot)
    {
        var path = Path.Combine(dataRoot, DevelopmentSecretFile);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(dataRoot);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
