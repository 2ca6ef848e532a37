using Daarion.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// The real host in-process, configured like a deployment: DATABASE_URL, NATS_URL and other settings. With a
/// DATABASE_URL and no JWT_SECRET or SECRETS_KEY, the tests' are used (the host refuses external databases without them).
/// </summary>
internal sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string Secret = "tests-secret-of-at-least-thirty-two-bytes!";
    public const string Audience = "agentic-commerce";

    /// <summary>SECRETS_KEY of the test hosts: base64 of 32 bytes.</summary>
    public const string SecretsKey = "dGVzdHMtc2VjcmV0cy1rZXktb2YtMzItYnl0ZXMhISE=";

    // The catalog's streams have fixed names: on the shared nats-server every test host's relay would publish to the
    // same streams. Tests about events use a private server (WithPrivateNatsAsync).
    public static Task<ApiFactory> WithSharedServersAsync() => WithSharedServersAsync(new Dictionary<string, string?>());

    /// <summary>
    /// On the shared PostgreSQL (a fresh database unless <paramref name="settings"/> names one) and the shared
    /// nats-server, relay off, with further <paramref name="settings"/>.
    /// </summary>
    public static async Task<ApiFactory> WithSharedServersAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        if (!all.ContainsKey("DATABASE_URL")) all["DATABASE_URL"] = await SharedServers.CreateDatabaseAsync(migrate: false);
        all["NATS_URL"] = await SharedServers.NatsUrlAsync();
        all["Events:Relay:Enabled"] = "false";
        return new ApiFactory(all);
    }

    public static async Task<ApiFactory> WithPrivateNatsAsync(PrivateNatsServer nats) => new(new Dictionary<string, string?>
    {
        ["DATABASE_URL"] = await SharedServers.CreateDatabaseAsync(migrate: false),
        ["NATS_URL"] = nats.Url,
        ["Events:Relay:LagSampleInterval"] = "00:00:00.100",
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (!settings.ContainsKey("DATABASE_URL")) return;
        if (!settings.ContainsKey("JWT_SECRET")) builder.UseSetting("JWT_SECRET", Secret);
        if (!settings.ContainsKey("SECRETS_KEY")) builder.UseSetting("SECRETS_KEY", SecretsKey);
    }
}
