using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

public sealed class SitesApiTests
{
    private static readonly string HmacKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string Ed25519Key = Convert.ToBase64String(Crypto.Ed25519.GetPublicKey(Enumerable.Repeat((byte)7, 32).ToArray()));

    [Fact]
    public async Task CreateSite_Returns201WithItsMeter_AndGetNeverShowsAnHmacSecret()
    {
        await using var host = await EnergyHost.StartAsync();
        var body = new
        {
            site_id = "EU-KYIV-01",
            dao_id = "dao-kyiv",
            domain = "energy",
            meter = new
            {
                kind = "cumulative",
                unit = "Wh",
                require_signature = true,
                device_keys = new object[] { new { key_id = "m1", type = "hmac-sha256", key = HmacKey }, new { key_id = "m2", type = "ed25519", key = Ed25519Key } },
            },
        };

        var created = await host.Client.PostAsync("/v1/sites", body);

        Expect(created, 201);
        Assert.Equal("/v1/sites/EU-KYIV-01", created.Headers.Location?.OriginalString);
        var text = await created.Content.ReadAsStringAsync();
        var read = await host.Client.GetAsync("/v1/sites/EU-KYIV-01");
        var readText = await read.Content.ReadAsStringAsync();
        foreach (var json in new[] { text, readText })
        {
            Assert.DoesNotContain(HmacKey, json, StringComparison.Ordinal);
        }
        var site = await Json(read);
        Assert.Equal("dao-kyiv", site.GetProperty("dao_id").GetString());
        var meter = site.GetProperty("meter");
        Assert.Equal(("cumulative", "Wh", true), (meter.GetProperty("kind").GetString(), meter.GetProperty("unit").GetString(), meter.GetProperty("require_signature").GetBoolean()));
        var keys = meter.GetProperty("device_keys");
        Assert.Equal("hmac-sha256", keys[0].GetProperty("type").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, keys[0].GetProperty("public_key").ValueKind);
        Assert.Equal(Ed25519Key, keys[1].GetProperty("public_key").GetString());
        Assert.Equal("0", site.GetProperty("status").GetProperty("total_kwh").GetString());
        Assert.Equal(("dao-kyiv", "energy"), (await host.ScalarAsync<string>("SELECT dao_id FROM sites WHERE site_id = 'EU-KYIV-01'"), await host.ScalarAsync<string>("SELECT domain FROM rwa_inventory WHERE site_id = 'EU-KYIV-01'")));
    }

    [Fact]
    public async Task CreateSite_IsIdempotent_AndAnExistingSiteIsAConflict()
    {
        await using var host = await EnergyHost.StartAsync();
        var body = new { site_id = "s-1", dao_id = "d", domain = "water" };

        var first = await host.Client.PostAsync("/v1/sites", body, key: "create-s-1");
        var again = await host.Client.PostAsync("/v1/sites", body, key: "create-s-1");
        var reused = await host.Client.PostAsync("/v1/sites", body with { dao_id = "other" }, key: "create-s-1");
        var exists = await host.Client.PostAsync("/v1/sites", body, key: "create-s-1-again");

        Expect(first, 201);
        Expect(again, 201);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await Problem(reused, 409, "idempotency-key-reused");
        await Problem(exists, 409, "site-exists");
        Assert.Equal(1L, await host.ScalarAsync<long>("SELECT count(*) FROM sites"));
    }

    [Fact]
    public async Task ConcurrentCreates_WithOneKey_MakeOneSite_AndAllGetItsAnswer()
    {
        await using var host = await EnergyHost.StartAsync();
        var body = new { site_id = "s-race", dao_id = "d", domain = "energy", meter = new { kind = "interval", unit = "kWh" } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Client.PostAsync("/v1/sites", body, key: "race")));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Expect(r, 201));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1L, await host.ScalarAsync<long>("SELECT count(*) FROM site_meters"));
    }

    [Theory]
    [InlineData("""{"site_id":"s 1","dao_id":"d","domain":"water"}""", "site_id")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"gold"}""", "domain")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy"}""", "needs a meter")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"food","meter":{"kind":"interval","unit":"kWh"}}""", "Only energy sites")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"hourly","unit":"kWh"}}""", "meter.kind")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"interval","unit":"J"}}""", "meter.unit")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"interval","unit":"kWh","require_signature":true}}""", "require_signature")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"interval","unit":"kWh","device_keys":[{"key_id":"k","type":"ed25519","key":"AAAA"}]}}""", "32-byte")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"interval","unit":"kWh","device_keys":[{"key_id":"k","type":"hmac-sha256","key":"c2hvcnQ="}]}}""", "16 to 64")]
    [InlineData("""{"site_id":"s1","dao_id":"d","domain":"energy","meter":{"kind":"interval","unit":"kWh","device_keys":[{"key_id":"k","type":"rsa","key":"AAAA"}]}}""", "type must be")]
    public async Task InvalidSite_Returns422NamingTheField_AndWritesNothing(string json, string expected)
    {
        await using var host = await EnergyHost.StartAsync();

        var response = await host.Client.PostRawAsync("/v1/sites", json);

        var problem = await Problem(response, 422, "invalid-request");
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await host.ScalarAsync<long>("SELECT count(*) FROM sites"));
    }

    [Fact]
    public async Task BadOracleOrEmbassySettings_StopTheStart_NamingEachOption()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = await Testing.SharedServers.CreateDatabaseAsync(migrate: false),
            ["NATS_URL"] = await Testing.SharedServers.NatsUrlAsync(),
            ["Oracle:SpikeFactor"] = "1",
            ["Embassy:TimestampTolerance"] = "00:00:00",
        });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Oracle:SpikeFactor must be greater than 1.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Embassy:TimestampTolerance must be at least 1 second.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteWrites_NeedAnIdempotencyKeyAndTheAdminScope_AndUnknownFieldsAreRefused()
    {
        await using var host = await EnergyHost.StartAsync();
        var reader = For(host.Api, "energy:read");
        using var noKey = new HttpRequestMessage(HttpMethod.Post, "/v1/sites") { Content = System.Net.Http.Json.JsonContent.Create(new { site_id = "s", dao_id = "d", domain = "food" }) };

        await Problem(await host.Client.Http.SendAsync(noKey), 400, "idempotency-key-required");
        await Problem(await reader.PostAsync("/v1/sites", new { site_id = "s", dao_id = "d", domain = "food" }), 403, "forbidden");
        await Problem(await host.Client.PostRawAsync("/v1/sites", """{"site_id":"s","dao_id":"d","domain":"food","colour":"red"}"""), 400, "malformed-json");
        await Problem(await host.Client.GetAsync("/v1/sites/nope"), 404, "not-found");
        await Problem(await host.Client.GetAsync("/v1/sites/bad%20id"), 422, "invalid-request");
    }
}
