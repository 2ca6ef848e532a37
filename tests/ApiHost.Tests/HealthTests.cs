using System.Net;
using System.Text.Json;
using Daarion.Hosting;
using Daarion.Testing;

namespace Daarion.ApiHost.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_Returns200()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().GetAsync("/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", (await Json(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_WhenPostgresAndNatsAnswer_Returns200WithBothChecks()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().GetAsync("/v1/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("up", body.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("up", body.GetProperty("nats").GetProperty("status").GetString());
        Assert.True(body.GetProperty("nats").GetProperty("jetstream").GetBoolean());
    }

    [Fact]
    public async Task Ready_WhenPostgresIsDown_Returns503Problem_AndRecoversWhenItReturns()
    {
        using var directory = new TempDirectory();
        await using var postgres = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = directory.Sub("pg") });
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = postgres.ConnectionString,
            ["NATS_URL"] = await SharedServers.NatsUrlAsync(),
        });
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/ready")).StatusCode);

        await postgres.StopAsync();
        var down = await client.GetAsync("/v1/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        var problem = await Json(down);
        Assert.Equal("https://daarion.city/problems/not-ready", problem.GetProperty("type").GetString());
        Assert.Equal("down", problem.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("up", problem.GetProperty("checks").GetProperty("nats").GetProperty("status").GetString());

        await postgres.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenNatsIsDown_Returns503Problem()
    {
        using var directory = new TempDirectory();
        await using var nats = await NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = directory.Sub("nats") });
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = await SharedServers.CreateDatabaseAsync(migrate: false),
            ["NATS_URL"] = nats.Url,
        });
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/ready")).StatusCode);

        await nats.StopAsync();
        var down = await client.GetAsync("/v1/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var checks = (await Json(down)).GetProperty("checks");
        Assert.Equal("down", checks.GetProperty("nats").GetProperty("status").GetString());
        Assert.Contains("nats://127.0.0.1:", checks.GetProperty("nats").GetProperty("error").GetString());
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
