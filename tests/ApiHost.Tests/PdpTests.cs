using System.Net;
using System.Text.Json;
using Daarion.Hosting;
using Daarion.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class PdpTests
{
    [Fact]
    public async Task Explain_SaysWhatDecidesAndWhatWouldGrantIt()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        var denied = await Json(await world.Admin.PostAsync("/v1/pdp/explain", new { subject = new { kind = "user", id = "bob", scopes = "wallet:read" }, action = "wallet.transfer" }));
        var allowed = await world.ExplainAsync(new { kind = "user", id = "bob", scopes = "wallet:write wallet:read" }, "wallet.transfer");

        Assert.False(denied.GetProperty("decision").GetProperty("allowed").GetBoolean());
        Assert.StartsWith("Denied by default: user:bob holds no grant of wallet.transfer.", denied.GetProperty("decision").GetProperty("summary").GetString());
        Assert.Contains("bundle wallet.writer (scope wallet:admin, scope wallet:write)", denied.GetProperty("granted_by").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(denied.GetProperty("grants").EnumerateArray(), g => g.GetProperty("capability").GetString() == "wallet.read");
        Assert.True(allowed.GetProperty("allowed").GetBoolean());
        Assert.Equal("scope wallet:write → bundle wallet.writer", allowed.GetProperty("reasons")[0].GetProperty("source").GetString());
        Assert.True(allowed.GetProperty("policy_version").GetInt64() >= 1);
        await Problem(await world.Admin.PostAsync("/v1/pdp/explain", new { subject = new { kind = "robot", id = "x" }, action = "a.b" }), 422, "invalid-request");
        await Problem(await For(api).PostAsync("/v1/pdp/explain", new { subject = new { kind = "user", id = "x" }, action = "a.b" }), 403, "forbidden");
    }

    [Fact]
    public async Task EveryDecision_IsLogged_WithSecretLookingValuesMasked()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var reader = For(api, "wallet:read", "logged");

        Expect(await reader.GetAsync("/v1/assets?limit=3&access_token=hunter2"), 200);
        Expect(await reader.GetAsync("/v1/assets"), 200);
        var denied = await Problem(await reader.PostAsync("/v1/transfers", new { }), 403, "forbidden");
        var deniedId = denied.GetProperty("decision_id").GetGuid();

        JsonElement[] items = [];
        await Eventually.True(async () =>
        {
            items = [.. (await Json(await world.Admin.GetAsync("/v1/pdp/decisions?subject_kind=user&subject_id=logged"))).GetProperty("items").EnumerateArray()];
            return items.Length == 3;
        });
        Assert.Equal([deniedId], items.Where(i => !i.GetProperty("allowed").GetBoolean()).Select(i => i.GetProperty("decision_id").GetGuid()));
        Assert.Equal("wallet.transfer", items[0].GetProperty("action").GetString());
        Assert.Equal([true, false], items[1..].Select(i => i.GetProperty("cached").GetBoolean()));
        var first = items[2];
        Assert.Equal("?limit=3&access_token=***", first.GetProperty("context").GetProperty("query").GetString());
        Assert.Equal("wallet:read", first.GetProperty("context").GetProperty("scopes").GetString());
        Assert.Equal("/v1/assets/", first.GetProperty("resource_type").GetString());
        Assert.Equal("scope wallet:read → bundle wallet.reader", first.GetProperty("reasons")[0].GetProperty("source").GetString());
        var denials = (await Json(await world.Admin.GetAsync("/v1/pdp/decisions?allowed=false&action=wallet.transfer"))).GetProperty("items");
        Assert.Equal(deniedId, denials[0].GetProperty("decision_id").GetGuid());
    }

    [Fact]
    public async Task TheDecisionLog_PagesNewestFirst_AndCannotBeRewritten()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var reader = For(api, "wallet:read", "pager");
        for (var i = 0; i < 5; i++) Expect(await reader.GetAsync("/v1/assets"), 200);
        await Eventually.True(async () => (await Json(await world.Admin.GetAsync("/v1/pdp/decisions?subject_id=pager"))).GetProperty("items").GetArrayLength() == 5);

        var first = await Json(await world.Admin.GetAsync("/v1/pdp/decisions?subject_id=pager&limit=3"));
        var second = await Json(await world.Admin.GetAsync($"/v1/pdp/decisions?subject_id=pager&limit=3&cursor={first.GetProperty("next_cursor").GetGuid()}"));

        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.True(first.GetProperty("items")[2].GetProperty("decided_at").GetDateTimeOffset() >= second.GetProperty("items")[0].GetProperty("decided_at").GetDateTimeOffset());
        await Problem(await world.Admin.GetAsync("/v1/pdp/decisions?cursor=nope"), 422, "invalid-request");
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("UPDATE pdp_decisions SET allowed = true");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("DA001", refused.SqlState);
    }

    [Fact]
    public async Task WhenTheLogCannotBeWritten_RequestsFailClosed_AndNoDecisionIsLost()
    {
        using var directory = new TempDirectory();
        await using var postgres = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = directory.Sub("pg") });
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = postgres.ConnectionString,
            ["NATS_URL"] = await SharedServers.NatsUrlAsync(),
            ["Access:DecisionLogCapacity"] = "2",
            ["Access:DecisionLogRetryDelay"] = "00:00:00.100",
        });
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/health")).StatusCode);

        await postgres.StopAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) statuses.Add((await client.GetAsync("/v1/health")).StatusCode);

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        await postgres.RestartAsync();
        await Eventually.True(async () => (await client.GetAsync("/v1/health")).StatusCode == HttpStatusCode.OK);
        var answered = 1 + statuses.Count(s => s == HttpStatusCode.OK);
        await Eventually.True(async () =>
        {
            await using var count = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM pdp_decisions WHERE action = 'api.health.read'");
            return (long)(await count.ExecuteScalarAsync())! >= answered + 1;
        });
    }
}
