using Daarion.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// The real host in-process, configured like a deployment: DATABASE_URL, NATS_URL and other settings. With a
/// DATABASE_URL and no JWT_SECRET, the tests' secret is used (the host refuses external databases without one).
/// </summary>
internal sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string Secret = "tests-secret-of-at-least-thirty-two-bytes!";
    public const string Audience = "agentic-commerce";

    public static Task<ApiFactory> WithSharedServersAsync() => WithSharedServersAsync(new Dictionary<string, string?>());

    /// <summary>On a fresh database of the shared PostgreSQL and the shared nats-server, with further <paramref name="settings"/>.</summary>
    public static async Task<ApiFactory> WithSharedServersAsync(IReadOnlyDictionary<string, string?> settings) => new(new Dictionary<string, string?>(settings)
    {
        ["DATABASE_URL"] = await SharedServers.CreateDatabaseAsync(migrate: false),
        ["NATS_URL"] = await SharedServers.NatsUrlAsync(),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (settings.ContainsKey("DATABASE_URL") && !settings.ContainsKey("JWT_SECRET")) builder.UseSetting("JWT_SECRET", Secret);
    }
}
