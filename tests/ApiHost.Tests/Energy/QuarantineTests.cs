using System.Text.Json;
using static Daarion.ApiHost.Tests.Energy.EnergyHost;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

public sealed class QuarantineTests
{
    /// <summary>A cumulative site past its warm-up: twelve readings one kWh apart (11 kWh paid), last seq 12.</summary>
    private static async Task<string> WarmSiteAsync(EnergyHost host, string kind = "cumulative")
    {
        var site = await host.SiteAsync(kind);
        await host.BatchAsync([.. Enumerable.Range(1, 12).Select(i => Reading(site, kind == "cumulative" ? $"{100 + i}" : "1", At(i), i))]);
        return site;
    }

    private static async Task<JsonElement> PendingAsync(EnergyHost host, string site) =>
        (await Json(await host.Client.GetAsync($"/v1/oracle/quarantine?site_id={site}"))).GetProperty("items");

    [Fact]
    public async Task EachAnomaly_IsQuarantinedNotPaid_ListedForOperators_AndPaidOnlyWhenReleased()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host);
        var future = DateTimeOffset.UtcNow.AddHours(2).ToString("O");

        var batch = await host.BatchAsync(
            Reading(site, "162", At(13), 13),   // +50 kWh: more than 10 × the recent peak of 1
            Reading(site, "5", At(14), 14),     // the register went back
            Reading(site, "6", future, 15),     // the device clock is two hours ahead
            Reading(site, "7", At(16), 16));    // normal again, from the new register value

        Assert.Equal(["quarantined", "quarantined", "quarantined", "accepted"], Statuses(batch));
        Assert.Equal(["spike", "negative_delta", "future_timestamp"], batch.GetProperty("results").EnumerateArray().Take(3).Select(r => r.GetProperty("reason").GetString()!).ToArray());
        Assert.Equal(11m + 2m, await host.EnergyAsync(site));
        var pending = (await PendingAsync(host, site)).EnumerateArray().ToDictionary(q => q.GetProperty("reason").GetString()!);
        Assert.Equal(3, pending.Count);
        Assert.Equal(("50", "0", "0"), (pending["spike"].GetProperty("held_kwh").GetString(), pending["negative_delta"].GetProperty("held_kwh").GetString(),
            pending["future_timestamp"].GetProperty("held_kwh").GetString()));
        var spike = pending["spike"];
        Assert.Contains("10 times", spike.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("pending", "batch:operator", 13L, "162"), (spike.GetProperty("status").GetString(), spike.GetProperty("source").GetString(),
            spike.GetProperty("seq").GetInt64(), spike.GetProperty("value_kwh").GetString()));

        var released = await host.Client.PostAsync($"/v1/oracle/quarantine/{spike.GetProperty("quarantine_id").GetString()}/release", null, key: "release-spike");
        var rejected = await host.Client.PostAsync($"/v1/oracle/quarantine/{pending["negative_delta"].GetProperty("quarantine_id").GetString()}/reject", null);

        Expect(released, 200);
        var entry = await Json(released);
        Assert.Equal(("released", "operator"), (entry.GetProperty("status").GetString(), entry.GetProperty("resolved_by").GetString()));
        Expect(rejected, 200);
        Assert.Equal(63m, await host.EnergyAsync(site));
        Assert.Single((await PendingAsync(host, site)).EnumerateArray());
        var events = await host.EventsAsync(site);
        Assert.Equal(("50", "63"), (events[^2].Payload.GetProperty("delta").GetString(), events[^1].Payload.GetProperty("value").GetString()));
        var inventory = await Json(await host.Client.GetAsync($"/v1/rwa/inventory?site_id={site}&domain=energy"));
        Assert.Equal("63", inventory.GetProperty("items")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task AnIntervalMetersAnomalies_HoldTheirEnergy_PaidOnReleaseAndNeverOnRejection()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host, "interval");

        var batch = await host.BatchAsync(Reading(site, "40", At(13), 13), Reading(site, "3", DateTimeOffset.UtcNow.AddHours(1).ToString("O"), 14));
        var (spike, future) = (batch.GetProperty("results")[0], batch.GetProperty("results")[1]);

        Assert.Equal(("spike", "40", "future_timestamp", "3"), (spike.GetProperty("reason").GetString(), spike.GetProperty("kwh").GetString(),
            future.GetProperty("reason").GetString(), future.GetProperty("kwh").GetString()));
        Assert.Equal(12m, await host.EnergyAsync(site));
        Expect(await host.Client.PostAsync($"/v1/oracle/quarantine/{spike.GetProperty("quarantine_id").GetString()}/reject", null), 200);
        Assert.Equal(12m, await host.EnergyAsync(site));
        Expect(await host.Client.PostAsync($"/v1/oracle/quarantine/{future.GetProperty("quarantine_id").GetString()}/release", null), 200);
        Assert.Equal(15m, await host.EnergyAsync(site));
        Assert.Equal(2L, await host.ScalarAsync<long>("SELECT count(*) FROM oracle_quarantine WHERE site_id = $1 AND status <> 'pending' AND resolved_by = 'operator'", site));
    }

    [Fact]
    public async Task AResolution_HappensOnce_AndItsKeyReplaysTheAnswer()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host, "interval");
        var held = await host.BatchAsync(Reading(site, "40", At(13), 13));
        var id = held.GetProperty("results")[0].GetProperty("quarantine_id").GetString();

        var first = await host.Client.PostAsync($"/v1/oracle/quarantine/{id}/release", null, key: "r-1");
        var replay = await host.Client.PostAsync($"/v1/oracle/quarantine/{id}/release", null, key: "r-1");
        var again = await host.Client.PostAsync($"/v1/oracle/quarantine/{id}/release", null, key: "r-2");
        var otherWay = await host.Client.PostAsync($"/v1/oracle/quarantine/{id}/reject", null, key: "r-1");
        var unknown = await host.Client.PostAsync($"/v1/oracle/quarantine/{Guid.NewGuid()}/release", null);

        Expect(first, 200);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await Problem(again, 409, "quarantine-not-pending");
        await Problem(otherWay, 409, "idempotency-key-reused");
        await Problem(unknown, 404, "not-found");
        Assert.Equal(12m + 40m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task ConcurrentReleases_PayTheHeldEnergyOnce()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host, "interval");
        var held = await host.BatchAsync(Reading(site, "40", At(13), 13));
        var id = held.GetProperty("results")[0].GetProperty("quarantine_id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.PostAsync($"/v1/oracle/quarantine/{id}/release", null)));

        Assert.Single(responses, r => (int)r.StatusCode == 200);
        Assert.Equal(5, responses.Count(r => (int)r.StatusCode == 409));
        Assert.Equal(52m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task AReleasedSpike_RaisesThePeak_SoTheSameLevelIsNotHeldAgain()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host, "interval");
        var held = await host.BatchAsync(Reading(site, "40", At(13), 13));
        Expect(await host.Client.PostAsync($"/v1/oracle/quarantine/{held.GetProperty("results")[0].GetProperty("quarantine_id").GetString()}/release", null), 200);

        var next = await host.BatchAsync(Reading(site, "39", At(14), 14), Reading(site, "5000", At(15), 15));

        Assert.Equal(["accepted", "quarantined"], Statuses(next));
    }

    [Fact]
    public async Task QuarantineListing_FiltersAndPages()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await WarmSiteAsync(host, "interval");
        await host.BatchAsync([.. Enumerable.Range(13, 3).Select(i => Reading(site, "100", At(i), i))]);

        var page = await Json(await host.Client.GetAsync($"/v1/oracle/quarantine?site_id={site}&limit=2"));
        var rest = await Json(await host.Client.GetAsync($"/v1/oracle/quarantine?site_id={site}&limit=2&after={page.GetProperty("next_after").GetString()}"));
        var released = await Json(await host.Client.GetAsync($"/v1/oracle/quarantine?site_id={site}&status=released"));

        Assert.Equal((2, 1, 0), (page.GetProperty("items").GetArrayLength(), rest.GetProperty("items").GetArrayLength(), released.GetProperty("items").GetArrayLength()));
        Assert.False(rest.TryGetProperty("next_after", out _));
        await Problem(await host.Client.GetAsync("/v1/oracle/quarantine?status=lost"), 422, "invalid-request");
        await Problem(await host.Client.GetAsync("/v1/oracle/quarantine?after=zz"), 422, "invalid-request");
        await Problem(await For(host.Api, "energy:read").PostAsync($"/v1/oracle/quarantine/{Guid.NewGuid()}/release", null), 403, "forbidden");
    }
}
