using System.Security.Cryptography;
using System.Text;
using Daarion.ApiHost.Infrastructure;
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
        var (key, development) = DevelopmentKeyFile.Resolve(configuration, "JWT_SECRET", "use at least 32 random bytes", DevelopmentSecretFile, Encoding.UTF8.GetBytes);
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
}
