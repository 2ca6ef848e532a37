using System.Text;
using Daarion.Crypto;
using Daarion.Grains.Interfaces.Energy;
using static Daarion.ApiHost.Tests.Energy.EnergyHost;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

public sealed class OracleBatchTests
{
    [Fact]
    public async Task CumulativeMeter_PaysTheDeltasBetweenReadings_FromTheFirstReadingOn()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("cumulative");

        var batch = await host.BatchAsync(Reading(site, "100", At(0), 1), Reading(site, "110.5", At(1), 2), Reading(site, 125.5, At(2), 3));

        Assert.Equal(["accepted", "accepted", "accepted"], Statuses(batch));
        Assert.Equal(["0", "10.5", "15.0"], batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("kwh").GetString()!).ToArray());
        Assert.Equal("25.5", batch.GetProperty("accepted_kwh").GetString());
        Assert.Equal(25.5m, await host.EnergyAsync(site));
        Assert.Equal(3, await host.ScalarAsync<int>("SELECT sum(readings)::int FROM site_energy WHERE site_id = $1", site));
        var inventory = await Json(await host.Client.GetAsync($"/v1/rwa/inventory?site_id={site}"));
        Assert.Equal("25.5", inventory.GetProperty("items")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task IntervalMeter_PaysEachReadingsValue()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval");

        await host.BatchAsync(Reading(site, "5", At(0)), Reading(site, "7.25", At(1)));

        Assert.Equal(12.25m, await host.EnergyAsync(site));
        var status = (await Json(await host.Client.GetAsync($"/v1/sites/{site}"))).GetProperty("status");
        Assert.Equal(("12.25", 2L), (status.GetProperty("total_kwh").GetString(), status.GetProperty("accepted_readings").GetInt64()));
    }

    [Fact]
    public async Task Units_AreNormalizedToKwhExactly_WithTheMetersUnitAsDefault()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval", unit: "Wh");

        var batch = await host.BatchAsync(
            Reading(site, "1500", At(0), unit: null),
            Reading(site, "2", At(1), unit: "kWh"),
            Reading(site, "0.001", At(2), unit: "MWh"),
            Reading(site, "1.5", At(3), unit: "wh"),
            Reading(site, "0.0000000000001", At(4), unit: "kWh"),
            Reading(site, "1e3", At(5), unit: "kWh"),
            Reading(site, "1", At(6), unit: "J"));

        Assert.Equal(["accepted", "accepted", "accepted", "accepted", "rejected", "rejected", "rejected"], Statuses(batch));
        Assert.Equal(["1.5", "2", "1.000", "0.0015"], batch.GetProperty("results").EnumerateArray().Take(4).Select(r => r.GetProperty("kwh").GetString()!).ToArray());
        Assert.Equal("invalid_reading", batch.GetProperty("results")[4].GetProperty("reason").GetString());
        Assert.Contains("value", batch.GetProperty("results")[5].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("unit", batch.GetProperty("results")[6].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4.5015m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task ExactDuplicates_AreIgnored_AndReadingsAtOrBeforeTheLastPositionAreRejected()
    {
        await using var host = await EnergyHost.StartAsync();
        var bySeq = await host.SiteAsync("interval");
        var byTime = await host.SiteAsync("interval");
        await host.BatchAsync(Reading(bySeq, "1", At(0), 1), Reading(bySeq, "2", At(1), 2), Reading(byTime, "1", At(0)), Reading(byTime, "2", At(5)));

        var again = await host.BatchAsync(
            Reading(bySeq, "2", At(1), 2),      // the same reading again
            Reading(bySeq, "9", At(1), 2),      // seq 2 with another value
            Reading(bySeq, "3", At(0), 3),      // a new seq: ordered by seq, not by its older timestamp
            Reading(byTime, "2", At(5)),        // the same reading again
            Reading(byTime, "4", At(3)),        // before the last timestamp
            Reading(byTime, "5", At(5)));       // the last timestamp with another value

        Assert.Equal(["duplicate", "rejected", "accepted", "duplicate", "rejected", "rejected"], Statuses(again));
        Assert.Equal(["out_of_order", "out_of_order", "out_of_order"], new[] { 1, 4, 5 }.Select(i => again.GetProperty("results")[i].GetProperty("reason").GetString()!).ToArray());
        Assert.Equal((6m, 3m), (await host.EnergyAsync(bySeq), await host.EnergyAsync(byTime)));
    }

    [Fact]
    public async Task ASitesReadings_ApplyInTheOrderGiven_WithinOneBatch()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("cumulative");

        var batch = await host.BatchAsync(Reading(site, "10", At(0), 1), Reading(site, "30", At(2), 3), Reading(site, "20", At(1), 2), Reading(site, "40", At(3), 4));

        Assert.Equal(["accepted", "accepted", "rejected", "accepted"], Statuses(batch));
        Assert.Equal(30m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task SignedReadings_AreAcceptedWithEitherKeyKind_AndUnsignedForgedOrUnknownKeysAreRefused()
    {
        await using var host = await EnergyHost.StartAsync();
        var edPrivate = Enumerable.Repeat((byte)3, 32).ToArray();
        var hmac = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var site = await host.SiteAsync("interval", requireSignature: true, keys:
        [
            new { key_id = "ed", type = "ed25519", key = Convert.ToBase64String(Ed25519.GetPublicKey(edPrivate)) },
            new { key_id = "mac", type = "hmac-sha256", key = Convert.ToBase64String(hmac) },
        ]);
        byte[] Payload(string value, string ts, long seq) => ReadingSignature.Payload(site, seq.ToString(System.Globalization.CultureInfo.InvariantCulture), value, "kWh", ts);
        object Signed(string value, int minute, long seq, string keyId, byte[] signature) =>
            new { site_id = site, value, unit = "kWh", ts = At(minute), seq, key_id = keyId, signature = Convert.ToBase64String(signature) };

        var batch = await host.BatchAsync(
            Signed("1.5", 0, 1, "ed", Ed25519.Sign(edPrivate, Payload("1.5", At(0), 1))),
            Signed("2", 1, 2, "mac", System.Security.Cryptography.HMACSHA256.HashData(hmac, Payload("2", At(1), 2))),
            Reading(site, "3", At(2), 3),
            Signed("900", 3, 4, "ed", Ed25519.Sign(edPrivate, Payload("4", At(3), 4))),
            Signed("5", 4, 5, "ed", Ed25519.Sign(Enumerable.Repeat((byte)9, 32).ToArray(), Payload("5", At(4), 5))),
            Signed("6", 5, 6, "nobody", Ed25519.Sign(edPrivate, Payload("6", At(5), 6))));

        Assert.Equal(["accepted", "accepted", "rejected", "rejected", "rejected", "rejected"], Statuses(batch));
        Assert.Equal(["signature_required", "signature_invalid", "signature_invalid", "unknown_key"],
            batch.GetProperty("results").EnumerateArray().Skip(2).Select(r => r.GetProperty("reason").GetString()!).ToArray());
        Assert.Equal(3.5m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task SitesWithoutRequiredSignatures_AcceptUnsignedReadings_ButNeverAWrongSignature()
    {
        await using var host = await EnergyHost.StartAsync();
        var hmac = Enumerable.Repeat((byte)1, 16).ToArray();
        var site = await host.SiteAsync("interval", keys: [new { key_id = "mac", type = "hmac-sha256", key = Convert.ToBase64String(hmac) }]);

        var batch = await host.BatchAsync(
            Reading(site, "1", At(0)),
            new { site_id = site, value = "2", ts = At(1), signature = Convert.ToBase64String(new byte[32]) });

        Assert.Equal(["accepted", "rejected"], Statuses(batch));
        Assert.Equal(1m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task ABatch_ReportsEachReading_AndOneBadReadingOrSiteDoesNotStopTheOthers()
    {
        await using var host = await EnergyHost.StartAsync();
        var a = await host.SiteAsync("interval");
        var b = await host.SiteAsync("interval");
        var food = "food-" + Guid.NewGuid().ToString("N")[..8];
        Expect(await host.Client.PostAsync("/v1/sites", new { site_id = food, dao_id = "d", domain = "food" }), 201);

        var response = await host.Client.PostRawAsync("/v1/oracle/readings:batch", $$"""
            {"readings":[
              {"site_id":"{{a}}","value":"1","ts":"{{At(0)}}"},
              {"site_id":"{{a}}","value":"-1","ts":"{{At(1)}}"},
              {"site_id":"nowhere","value":"1","ts":"{{At(0)}}"},
              null,
              {"site_id":"{{b}}","value":2.5,"ts":"{{At(0)}}"},
              {"site_id":"{{b}}","value":"1","ts":"yesterday"},
              {"site_id":"{{food}}","value":"1","ts":"{{At(0)}}"}
            ]}
            """);

        Expect(response, 200);
        var batch = await Json(response);
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "accepted", "rejected", "rejected"], Statuses(batch));
        Assert.Equal(["invalid_reading", "unknown_site", "invalid_reading", "invalid_reading", "no_meter"],
            new[] { 1, 2, 3, 5, 6 }.Select(i => batch.GetProperty("results")[i].GetProperty("reason").GetString()!).ToArray());
        Assert.Equal((7, 2, 5, "3.5"), (batch.GetProperty("readings").GetInt32(), batch.GetProperty("accepted").GetInt32(), batch.GetProperty("rejected").GetInt32(), batch.GetProperty("accepted_kwh").GetString()));
        Assert.Equal((1m, 2.5m), (await host.EnergyAsync(a), await host.EnergyAsync(b)));
        Assert.Equal(0L, await host.ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE grain_key = 'nowhere'"));
    }

    [Fact]
    public async Task EachSitesBatch_EmitsOnePublishedAndOneInventoryEvent_InCommitOrderPerSite()
    {
        await using var host = await EnergyHost.StartAsync();
        var a = await host.SiteAsync("interval", dao: "dao-a");
        var b = await host.SiteAsync("cumulative");

        await host.BatchAsync(Reading(a, "1", At(0)), Reading(a, "2", At(1)), Reading(b, "100", At(0)), Reading(b, "101", At(1)));
        await host.BatchAsync(Reading(a, "4", At(2)), Reading(b, "103.5", At(2)));

        var events = await host.EventsAsync(a);
        Assert.Equal(["oracle.reading.published", "rwa.inventory.updated", "oracle.reading.published", "rwa.inventory.updated"], events.Select(e => e.Type).ToArray());
        var published = events[0].Payload;
        Assert.Equal(("energy", a, "2", "3", 2), (published.GetProperty("domain").GetString(), published.GetProperty("site_id").GetString(),
            published.GetProperty("normalized_value").GetString(), published.GetProperty("delta").GetString(), published.GetProperty("readings").GetInt32()));
        Assert.Equal(("inv_" + a, "3", "7"), (events[1].Payload.GetProperty("inventory_id").GetString(), events[1].Payload.GetProperty("value").GetString(), events[3].Payload.GetProperty("value").GetString()));
        Assert.Equal("dao-a", await host.ScalarAsync<string>("SELECT envelope->'meta'->>'team_id' FROM outbox_event_log WHERE ordering_key = $1 LIMIT 1", a));
        var cumulative = await host.EventsAsync(b);
        Assert.Equal(["1", "2.5"], cumulative.Where(e => e.Type == "oracle.reading.published").Select(e => e.Payload.GetProperty("delta").GetString()!).ToArray());
    }

    [Fact]
    public async Task ASiteWhoseWriteFails_ReportsFailed_WritesNothing_AndTheOtherSitesCommit()
    {
        await using var host = await EnergyHost.StartAsync();
        var broken = await host.SiteAsync("interval");
        var fine = await host.SiteAsync("interval");
        await host.BatchAsync(Reading(broken, "1", At(0)));
        // The database refuses the broken site's next energy row, as it would refuse any failed write.
        await host.ScalarAsync<object>($"""
            CREATE FUNCTION refuse_site() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              IF NEW.site_id = '{broken}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_site BEFORE INSERT OR UPDATE ON site_energy FOR EACH ROW EXECUTE FUNCTION refuse_site();
            SELECT 1
            """);
        var eventsBefore = await host.ScalarAsync<long>("SELECT count(*) FROM outbox_event_log");

        var failed = await host.BatchAsync(Reading(broken, "5", At(1)), Reading(fine, "2", At(0)));

        Assert.Equal(["failed", "accepted"], Statuses(failed));
        Assert.Equal("unavailable", failed.GetProperty("results")[0].GetProperty("reason").GetString());
        Assert.Equal((1m, 2m), (await host.EnergyAsync(broken), await host.EnergyAsync(fine)));
        Assert.Equal(eventsBefore + 2, await host.ScalarAsync<long>("SELECT count(*) FROM outbox_event_log"));
        var status = (await Json(await host.Client.GetAsync($"/v1/sites/{broken}"))).GetProperty("status");
        Assert.Equal("1", status.GetProperty("total_kwh").GetString());

        await host.ScalarAsync<object>("DROP TRIGGER refuse_site ON site_energy; SELECT 1");
        var retried = await host.BatchAsync(Reading(broken, "5", At(1)));

        Assert.Equal(["accepted"], Statuses(retried));
        Assert.Equal(6m, await host.EnergyAsync(broken));
    }

    [Fact]
    public async Task AReadingWithAFieldOfTheWrongType_IsRejectedAlone()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval");

        var response = await host.Client.PostRawAsync("/v1/oracle/readings:batch", $$"""
            {"readings":[{"site_id":"{{site}}","value":true,"ts":"{{At(0)}}"},{"site_id":"{{site}}","value":"1","ts":"{{At(1)}}","unit":["kWh"]},
                         {"site_id":"{{site}}","value":"2","ts":"{{At(2)}}","extra":[1,2]},{"site_id":"{{site}}","value":"3","ts":"{{At(3)}}","seq":"4x"}]}
            """);

        Expect(response, 200);
        var batch = await Json(response);
        Assert.Equal(["rejected", "rejected", "accepted", "rejected"], Statuses(batch));
        Assert.Equal(["value must be a number or a string.", "unit must be a string.", "seq must be a non-negative integer."],
            new[] { 0, 1, 3 }.Select(i => batch.GetProperty("results")[i].GetProperty("detail").GetString()!).ToArray());
    }

    [Fact]
    public async Task BadBatches_Return4xxProblems_AndWriteNothing()
    {
        await using var host = await EnergyHost.StartAsync(new Dictionary<string, string?> { ["Oracle:MaxBatchReadings"] = "3" });
        var site = await host.SiteAsync("interval");
        var reading = Reading(site, "1", At(0));

        await Problem(await host.Client.PostAsync("/v1/oracle/readings:batch", new { readings = Array.Empty<object>() }), 422, "invalid-request");
        await Problem(await host.Client.PostAsync("/v1/oracle/readings:batch", new { readings = new[] { reading, reading, reading, reading } }), 422, "invalid-request");
        await Problem(await host.Client.PostRawAsync("/v1/oracle/readings:batch", "{\"readings\":[{\"site_id\":\"x\",\"value\":\"1\","), 400, "malformed-json");
        await Problem(await host.Client.PostRawAsync("/v1/oracle/readings:batch", """{"readings":{"site_id":"x"}}"""), 400, "malformed-json");
        using var text = new StringContent("""{"readings":[]}""", Encoding.UTF8, "text/plain");
        text.Headers.Add("Idempotency-Key", "k");
        Assert.Equal(415, (int)(await host.Client.Http.PostAsync("/v1/oracle/readings:batch", text)).StatusCode);
        await Problem(await For(host.Api, "energy:read").PostAsync("/v1/oracle/readings:batch", new { readings = new[] { reading } }), 403, "forbidden");
        using var anonymous = host.Api.CreateClient();
        await Problem(await anonymous.PostAsync("/v1/oracle/readings:batch", new StringContent("{}", Encoding.UTF8, "application/json")), 401, "unauthorized");
        Assert.Equal(0m, await host.EnergyAsync(site));
    }
}
