using System.Net;
using Daarion.Testing;
using Npgsql;
using static Daarion.ApiHost.Tests.HealthTests;

namespace Daarion.ApiHost.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task UnknownRoute_Returns404ProblemJson()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().GetAsync("/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://daarion.city/problems/not-found", (await Json(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemJson()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().DeleteAsync("/v1/health");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("https://daarion.city/problems/method-not-allowed", (await Json(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Start_AppliesTheMigrations_Once()
    {
        var database = await SharedServers.CreateDatabaseAsync(migrate: false);
        var settings = new Dictionary<string, string?> { ["DATABASE_URL"] = database, ["NATS_URL"] = await SharedServers.NatsUrlAsync() };
        await using (var first = new ApiFactory(settings)) first.CreateClient();
        await using (var second = new ApiFactory(settings)) second.CreateClient();

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations WHERE id = '0001_silo_runtime'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Metrics_AreServedInPrometheusTextFormat()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE silo_grain_calls_total counter", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var document = await Json(await api.CreateClient().GetAsync("/openapi/v1.json"));

        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/ready", out _));
    }

    [Fact]
    public async Task WithoutDatabaseAndNatsUrls_TheHostStartsPrivateServers_AndStopsThemWhenItStops()
    {
        using var data = new TempDirectory();
        await using (var api = new ApiFactory(new Dictionary<string, string?> { ["DAARION_DATA_DIR"] = data.Path }))
        {
            var ready = await api.CreateClient().GetAsync("/v1/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.NotEmpty(ProcessesUsing(data.Sub("postgres")));
            Assert.NotEmpty(ProcessesUsing(data.Sub("nats")));
        }

        // Ports are freed and may be taken by other tests' servers at once, so look for the processes themselves.
        Assert.True(ProcessesUsing(data.Sub("postgres")).Count == 0, "still running: " + string.Join(" | ", ProcessesUsing(data.Sub("postgres")).Select(CommandLine)));
        Assert.True(ProcessesUsing(data.Sub("nats")).Count == 0, "still running: " + string.Join(" | ", ProcessesUsing(data.Sub("nats")).Select(CommandLine)));
    }

    private static string CommandLine(int pid) => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');

    // Processes whose command line names the directory (postgres -D dir, nats-server -sd dir).
    private static List<int> ProcessesUsing(string directory) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(directory, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false; // exited meanwhile
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(int.Parse!)];

    [Fact]
    public async Task MalformedDatabaseUrl_StopsTheStart_WithAMessageNamingIt()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres://", ["NATS_URL"] = "nats://127.0.0.1:1" });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("DATABASE_URL", error.ToString());
    }

    [Fact]
    public async Task WithAnExternalDatabase_AMissingJwtSecret_StopsTheStart()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?> { ["JWT_SECRET"] = "" });

        Assert.Contains("JWT_SECRET is not set", Assert.ThrowsAny<Exception>(() => api.CreateClient()).ToString());
    }
}
