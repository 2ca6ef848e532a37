using System.Globalization;
using System.Text;
using System.Text.Json;
using Daarion.Crypto;
using Daarion.Crypto.Webhooks;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

public sealed class EmbassyWebhookTests
{
    private static string Now => DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");

    private static string EnergyBody(string site, string value = "125.4", string unit = "kWh", string? ts = null, string platform = "energyunion") =>
        $$"""{"platform":"{{platform}}","domain":"energy","site_id":"{{site}}","value":{{value}},"unit":"{{unit}}","ts":"{{ts ?? Now}}"}""";

    private static async Task<long> CountAsync(EnergyHost host, string table) => await host.ScalarAsync<long>($"SELECT count(*) FROM {table}");

    [Fact]
    public async Task ASignedEnergyWebhook_AppliesTheReading_IsStored_AndEmitsEmbassyEvents()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var site = await host.SiteAsync("interval", unit: "Wh");

        var response = await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "125400", "Wh"), id: "msg_1");

        Expect(response, 200);
        var reply = await Json(response);
        Assert.Equal(("energyunion", "msg_1", site, "accepted", "125.4"), (reply.GetProperty("platform").GetString(), reply.GetProperty("webhook_id").GetString(),
            reply.GetProperty("site_id").GetString(), reply.GetProperty("status").GetString(), reply.GetProperty("kwh").GetString()));
        Assert.Equal(125.4m, await host.EnergyAsync(site));
        Assert.Equal(("energy", "accepted"), (await host.ScalarAsync<string>("SELECT route FROM embassy_webhooks WHERE webhook_id = 'msg_1'"),
            await host.ScalarAsync<string>("SELECT outcome->>'status' FROM embassy_webhooks WHERE webhook_id = 'msg_1'")));
        var events = await host.EventsAsync(site);
        Assert.Equal(["oracle.reading.published", "rwa.inventory.updated", "embassy.event.received", "embassy.energy.update"], events.Select(e => e.Type).ToArray());
        var update = events[3].Payload;
        Assert.Equal(("energyunion", "energy", "125.4", "kwh"), (update.GetProperty("platform").GetString(), update.GetProperty("domain").GetString(),
            update.GetProperty("value").GetString(), update.GetProperty("unit").GetString()));
        Assert.Equal("embassy energyunion", await host.ScalarAsync<string>("SELECT concat_ws(' ', envelope->'actor'->>'kind', envelope->'actor'->>'id') FROM outbox_event_log WHERE subject = 'embassy.energy.update'"));
        await EventContract.AssertOutboxValidAsync(host.Database);
    }

    [Fact]
    public async Task ASiteWithAPlatformsList_TakesWebhooksOnlyFromThosePlatforms()
    {
        await using var host = await EnergyHost.StartAsync();
        var allowed = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var other = new StandardWebhook(await host.PlatformAsync("othergrid"));
        var site = "site-" + Guid.NewGuid().ToString("N")[..12];
        var created = await host.Client.PostAsync("/v1/sites", new
        {
            site_id = site, dao_id = "dao-1", domain = "energy", platforms = new[] { "energyunion" },
            meter = new { kind = "interval", unit = "kWh", require_signature = false, device_keys = Array.Empty<object>() },
        });
        var open = await host.SiteAsync("interval");

        var refused = await host.WebhookAsync("/v1/embassy/energy", other, EnergyBody(site, "5", platform: "othergrid"), id: "msg_other", platform: "othergrid");
        var taken = await host.WebhookAsync("/v1/embassy/energy", allowed, EnergyBody(site, "2"), id: "msg_allowed", platform: "energyunion");
        var anyPlatform = await host.WebhookAsync("/v1/embassy/energy", other, EnergyBody(open, "3", platform: "othergrid"), platform: "othergrid");

        Expect(created, 201);
        Assert.Equal(["energyunion"], (await Json(created)).GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal("platform_not_allowed", (await Problem(refused, 422, "reading-rejected")).GetProperty("reason").GetString());
        Expect(taken, 200);
        Expect(anyPlatform, 200);
        Assert.Equal((2m, 3m), (await host.EnergyAsync(site), await host.EnergyAsync(open)));
        Assert.Equal("rejected", await host.ScalarAsync<string>("SELECT outcome->>'status' FROM embassy_webhooks WHERE webhook_id = 'msg_other'"));
        await Problem(await host.Client.PostAsync("/v1/sites", new { site_id = "s-bad", dao_id = "d", domain = "food", platforms = new[] { "Not A Name" } }), 422, "invalid-request");
        await Problem(await host.Client.PostAsync("/v1/sites", new { site_id = "s-empty", dao_id = "d", domain = "food", platforms = Array.Empty<string>() }), 422, "invalid-request");
    }

    [Fact]
    public async Task ASitesPlatforms_CanBeChanged_AndOpenedAgain()
    {
        await using var host = await EnergyHost.StartAsync();
        var other = new StandardWebhook(await host.PlatformAsync("othergrid"));
        var site = await host.SiteAsync("interval");
        async Task<HttpResponseMessage> Reading(string value) =>
            await host.WebhookAsync("/v1/embassy/energy", other, EnergyBody(site, value, platform: "othergrid"), platform: "othergrid");

        var closed = await PutPlatformsAsync(host, site, new { platforms = new[] { "energyunion" } });
        var refused = await Reading("1");
        var reopened = await PutPlatformsAsync(host, site, new { platforms = (string[]?)null });
        var taken = await Reading("2");

        Expect(closed, 200);
        Assert.Equal(["energyunion"], (await Json(closed)).GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal("platform_not_allowed", (await Problem(refused, 422, "reading-rejected")).GetProperty("reason").GetString());
        Expect(reopened, 200);
        Assert.Equal(JsonValueKind.Null, (await Json(reopened)).GetProperty("platforms").ValueKind);
        Expect(taken, 200);
        Assert.Equal(2m, await host.EnergyAsync(site));
        await Problem(await PutPlatformsAsync(host, "nowhere", new { platforms = new[] { "energyunion" } }), 404, "not-found");
        await Problem(await PutPlatformsAsync(host, site, new { platforms = new[] { "a", "a" } }), 422, "invalid-request");
        Assert.Equal(400, (int)(await PutPlatformsAsync(host, site, null!)).StatusCode);
        await Problem(await PutPlatformsAsync(host, site, new { platforms = new[] { "a" } }, withKey: false), 400, "idempotency-key-required");
        Assert.Equal(0L, await host.ScalarAsync<long>("SELECT count(*) FROM site_platforms WHERE site_id = $1", site));
    }

    private static async Task<HttpResponseMessage> PutPlatformsAsync(EnergyHost host, string site, object body, bool withKey = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/sites/{site}/platforms") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (withKey) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await host.Client.Http.SendAsync(request);
    }

    [Fact]
    public async Task AReplayedWebhook_GetsTheOriginalStatusAndBody_AndChangesNothing()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var site = await host.SiteAsync("interval");
        var signedSite = await host.SiteAsync("interval", requireSignature: true,
            keys: [new { key_id = "k", type = "hmac-sha256", key = Convert.ToBase64String(new byte[16]) }]);
        var body = EnergyBody(site, "3");
        var unsigned = EnergyBody(signedSite, "3");

        var first = await host.WebhookAsync("/v1/embassy/energy", signer, body, id: "msg_a");
        var rejected = await host.WebhookAsync("/v1/embassy/energy", signer, unsigned, id: "msg_b");
        var (events, stored) = (await CountAsync(host, "outbox_event_log"), await CountAsync(host, "embassy_webhooks"));
        // A sender's retry: the same id and body, signed again with a new timestamp.
        var replay = await host.WebhookAsync("/v1/embassy/energy", signer, body, id: "msg_a", at: DateTimeOffset.UtcNow.AddSeconds(30));
        var rejectedAgain = await host.WebhookAsync("/v1/embassy/energy", signer, unsigned, id: "msg_b");

        Expect(first, 200);
        Expect(replay, 200);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var problem = await Problem(rejected, 422, "reading-rejected");
        Assert.Equal("signature_required", problem.GetProperty("reason").GetString());
        var problemAgain = await Problem(rejectedAgain, 422, "reading-rejected");
        Assert.Equal((problem.GetProperty("detail").GetString(), "signature_required"), (problemAgain.GetProperty("detail").GetString(), problemAgain.GetProperty("reason").GetString()));
        Assert.Equal((3m, events, stored), (await host.EnergyAsync(site), await CountAsync(host, "outbox_event_log"), await CountAsync(host, "embassy_webhooks")));
    }

    [Fact]
    public async Task AnIdReusedForAnotherBody_Returns409_AndChangesNothing()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var site = await host.SiteAsync("interval");
        Expect(await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "3"), id: "msg_x"), 200);

        var reused = await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "4", ts: DateTimeOffset.UtcNow.ToString("O")), id: "msg_x");

        await Problem(reused, 409, "webhook-id-reused");
        Assert.Equal(3m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneWebhook_ApplyItOnce_AndAllGetTheSameAnswer()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var site = await host.SiteAsync("interval");
        var body = EnergyBody(site, "2");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.WebhookAsync("/v1/embassy/energy", signer, body, id: "msg_burst")));

        Assert.All(responses, r => Expect(r, 200));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal((2m, 1L), (await host.EnergyAsync(site), await CountAsync(host, "embassy_webhooks")));
    }

    [Fact]
    public async Task AVerifiedPlatform_IsDecidedOnByThePdp_AsTheEmbassyOfItsName_AndAnOperatorsDenyStopsIt()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var site = await host.SiteAsync("interval");
        Expect(await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "1")), 200);
        var admin = For(host.Api, "platform:admin", "operator");

        Expect(await admin.PostAsync("/v1/registry/grants", new { subject_kind = "embassy", subject_id = "energyunion", capability = "embassy.energy.update", effect = "deny", note = "suspended" }), 201);
        var denied = await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "2"));

        var problem = await Problem(denied, 403, "forbidden");
        Assert.True(problem.TryGetProperty("decision_id", out _));
        Assert.Equal(1L, await host.ScalarAsync<long>("SELECT count(*) FROM embassy_webhooks"));
    }

    [Fact]
    public async Task ForgedStaleFutureOrUnknownWebhooks_Return401Problems_AndStoreNothing()
    {
        await using var host = await EnergyHost.StartAsync();
        var secret = await host.PlatformAsync("energyunion");
        await host.PlatformAsync("greenfood");
        var signer = new StandardWebhook(secret);
        var stranger = new StandardWebhook(WebhookSecret.Generate());
        var site = await host.SiteAsync("interval");
        var body = EnergyBody(site, "1");
        var bytes = Encoding.UTF8.GetBytes(body);
        var now = DateTimeOffset.UtcNow;
        var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        HttpResponseMessage[] refused =
        [
            await host.WebhookAsync("/v1/embassy/energy", stranger, body),
            await host.SendWebhookAsync("/v1/embassy/energy", Encoding.UTF8.GetBytes(body.Replace("\"value\":1", "\"value\":100", StringComparison.Ordinal)), "msg_t", seconds, signer.Sign("msg_t", now, bytes)),
            await host.WebhookAsync("/v1/embassy/energy", signer, body, at: now.AddMinutes(-6)),
            await host.WebhookAsync("/v1/embassy/energy", signer, body, at: now.AddMinutes(6)),
            await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "1", platform: "nobody")),
            await host.WebhookAsync("/v1/embassy/energy", signer, body, platform: "greenfood"),
            await host.SendWebhookAsync("/v1/embassy/energy", bytes, "msg_n", "soon", signer.Sign("msg_n", now, bytes)),
            await host.SendWebhookAsync("/v1/embassy/energy", bytes, "msg_m", seconds, "v1,not-base64"),
        ];

        var details = new List<string>();
        foreach (var response in refused) details.Add((await Problem(response, 401, "unauthorized")).GetProperty("detail").GetString()!);
        Assert.Contains("old", details[2], StringComparison.Ordinal);
        Assert.Contains("future", details[3], StringComparison.Ordinal);
        Assert.Equal((0L, 0m), (await CountAsync(host, "embassy_webhooks"), await host.EnergyAsync(site)));
    }

    [Fact]
    public async Task ASecondSecret_StartsARotation_WhereBothVerifyUntilTheOverlapEnds()
    {
        await using var host = await EnergyHost.StartAsync();
        var old = await host.PlatformAsync("energyunion");
        var site = await host.SiteAsync("interval");

        var created = await host.Client.PostAsync("/v1/embassy/platforms", new { platform = "energyunion", secret = WebhookSecret.Generate().Reveal() });
        var newer = WebhookSecret.Generate();
        await host.PlatformAsync("energyunion", newer);

        Expect(created, 201);
        Expect(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook(old), EnergyBody(site, "1", ts: DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O"))), 200);
        Expect(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook(newer), EnergyBody(site, "2", ts: DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O"))), 200);
        var platform = await Json(await host.Client.GetAsync("/v1/embassy/platforms/energyunion"));
        var secrets = platform.GetProperty("secrets");
        Assert.Equal(3, secrets.GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, secrets[0].GetProperty("expires_at").ValueKind);
        Assert.All(secrets.EnumerateArray().Skip(1), s => Assert.Equal(System.Text.Json.JsonValueKind.String, s.GetProperty("expires_at").ValueKind));
        Assert.DoesNotContain(newer.Reveal(), platform.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutARotationOverlap_OnlyTheNewestSecretVerifies()
    {
        await using var host = await EnergyHost.StartAsync(new Dictionary<string, string?> { ["Embassy:RotationOverlap"] = "00:00:00" });
        var old = await host.PlatformAsync("energyunion");
        var newer = await host.PlatformAsync("energyunion");
        var site = await host.SiteAsync("interval");

        await Problem(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook(old), EnergyBody(site, "1")), 401, "unauthorized");
        // A sender mid-rotation signs with both; any match is enough.
        Expect(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook([old, newer]), EnergyBody(site, "1")), 200);
    }

    [Fact]
    public async Task TheOracleWebhook_TakesSiteKwhAndTs_WithTheDevicesSignature()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var device = Enumerable.Repeat((byte)5, 32).ToArray();
        var site = await host.SiteAsync("cumulative", requireSignature: true, keys: [new { key_id = "meter-7", type = "ed25519", key = Convert.ToBase64String(Ed25519.GetPublicKey(device)) }]);
        string Body(string kwh, long seq, string ts)
        {
            var signature = Convert.ToBase64String(Ed25519.Sign(device, ReadingSignature.Payload(site, seq.ToString(CultureInfo.InvariantCulture), kwh, null, ts)));
            return $$"""{"site":"{{site}}","kWh":{{kwh}},"ts":"{{ts}}","seq":{{seq}},"key_id":"meter-7","signature":"{{signature}}"}""";
        }
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O");
        var t1 = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O");

        var baseline = await host.WebhookAsync("/v1/embassy/oracle", signer, Body("1000.5", 1, t0), platform: "energyunion");
        var next = await host.WebhookAsync("/v1/embassy/oracle", signer, Body("1003", 2, t1), platform: "energyunion");
        var unsigned = await host.WebhookAsync("/v1/embassy/oracle", signer, $$"""{"site":"{{site}}","kWh":1010,"ts":"{{Now}}","seq":3}""", platform: "energyunion");
        var invalid = await host.WebhookAsync("/v1/embassy/oracle", signer, $$"""{"site":"{{site}}","kWh":"lots","ts":"{{Now}}"}""", platform: "energyunion");

        Expect(baseline, 200);
        Assert.Equal("2.5", (await Json(next)).GetProperty("kwh").GetString());
        Assert.Equal("signature_required", (await Problem(unsigned, 422, "reading-rejected")).GetProperty("reason").GetString());
        Assert.Contains("kWh", (await Problem(invalid, 422, "invalid-request")).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2.5m, await host.EnergyAsync(site));
        Assert.Equal(["embassy.event.received"], (await host.EventsAsync(site)).Select(e => e.Type).Where(t => t.StartsWith("embassy.", StringComparison.Ordinal)).Distinct().ToArray());
    }

    [Fact]
    public async Task TheRwaWebhook_SetsAFoodSitesStock_InKilograms()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("greenfood"));
        Expect(await host.Client.PostAsync("/v1/sites", new { site_id = "GF-LVIV-01", dao_id = "dao-food", domain = "food" }), 201);
        string Body(string value, string unit, string ts, string domain = "food") =>
            $$"""{"platform":"greenfood","domain":"{{domain}}","site_id":"GF-LVIV-01","value":"{{value}}","unit":"{{unit}}","ts":"{{ts}}"}""";

        var first = await host.WebhookAsync("/v1/embassy/rwa", signer, Body("2.5", "t", DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O")));
        var second = await host.WebhookAsync("/v1/embassy/rwa", signer, Body("2000", "kg", DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O")));
        var older = await host.WebhookAsync("/v1/embassy/rwa", signer, Body("1", "kg", DateTimeOffset.UtcNow.AddMinutes(-4).ToString("O")));
        var energy = await host.WebhookAsync("/v1/embassy/rwa", signer, Body("1", "kWh", Now, "energy"));
        var water = await host.WebhookAsync("/v1/embassy/rwa", signer, Body("1", "l", Now, "water"));

        Assert.Equal(("2500.0", "2500.0"), ((await Json(first)).GetProperty("value").GetString(), (await Json(first)).GetProperty("delta").GetString()));
        Assert.Equal("-500.0", (await Json(second)).GetProperty("delta").GetString());
        Assert.Equal("out_of_order", (await Problem(older, 422, "reading-rejected")).GetProperty("reason").GetString());
        await Problem(energy, 422, "invalid-request");
        Assert.Equal("wrong_domain", (await Problem(water, 422, "reading-rejected")).GetProperty("reason").GetString());
        var inventory = await Json(await host.Client.GetAsync("/v1/rwa/inventory?domain=food"));
        Assert.Equal(("GF-LVIV-01", "kg", "2000"), (inventory.GetProperty("items")[0].GetProperty("site_id").GetString(),
            inventory.GetProperty("items")[0].GetProperty("unit").GetString(), inventory.GetProperty("items")[0].GetProperty("value").GetString()));
        var types = (await host.EventsAsync("GF-LVIV-01")).Select(e => e.Type).ToArray();
        Assert.Equal(2, types.Count(t => t == "rwa.inventory.updated"));
        Assert.Equal(2, types.Count(t => t == "embassy.food.update"));
    }

    [Fact]
    public async Task ABodyNamingAnotherPlatformThanItsSigner_Returns422()
    {
        await using var host = await EnergyHost.StartAsync();
        var signer = new StandardWebhook(await host.PlatformAsync("energyunion"));
        await host.PlatformAsync("greenfood");
        var site = await host.SiteAsync("interval");

        var response = await host.WebhookAsync("/v1/embassy/energy", signer, EnergyBody(site, "1", platform: "greenfood"), platform: "energyunion");

        await Problem(response, 422, "invalid-request");
        Assert.Equal(0m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task PlatformRegistration_NeedsAValidSecretAndTheAdminScope_AndNeverReturnsTheSecret()
    {
        await using var host = await EnergyHost.StartAsync();
        var secret = WebhookSecret.Generate().Reveal();

        var created = await host.Client.PostAsync("/v1/embassy/platforms", new { platform = "energyunion", secret });

        Expect(created, 201);
        Assert.DoesNotContain(secret, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Problem(await host.Client.PostAsync("/v1/embassy/platforms", new { platform = "energyunion", secret = "whsec_short" }), 422, "invalid-request");
        await Problem(await host.Client.PostAsync("/v1/embassy/platforms", new { platform = "Energy Union", secret }), 422, "invalid-request");
        await Problem(await For(host.Api, "energy:read energy:write").PostAsync("/v1/embassy/platforms", new { platform = "x", secret }), 403, "forbidden");
        await Problem(await host.Client.GetAsync("/v1/embassy/platforms/unknown"), 404, "not-found");
    }
}
