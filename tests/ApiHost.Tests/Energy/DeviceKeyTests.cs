using System.Text.Json;
using static Daarion.ApiHost.Tests.Energy.EnergyHost;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

public sealed class DeviceKeyTests
{
    private static readonly byte[] OldSecret = Enumerable.Repeat((byte)1, 32).ToArray();
    private static readonly byte[] NewSecret = Enumerable.Repeat((byte)2, 32).ToArray();

    [Fact]
    public async Task RotatingAKey_TheNewOneVerifiesAtOnce_AndTheRevokedOneNoMore()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval", requireSignature: true, keys: [HmacKey("old", OldSecret)]);

        var added = await host.Client.PostAsync($"/v1/sites/{site}/device-keys", HmacKey("new", NewSecret));
        Expect(added, 201);
        Assert.Equal(["new", "old"], KeyIds(await Json(added)));
        Assert.Equal(["accepted", "accepted"], Statuses(await host.BatchAsync(HmacSigned(site, 1, "new", NewSecret), HmacSigned(site, 2, "old", OldSecret))));

        var revoked = await host.Client.PostAsync($"/v1/sites/{site}/device-keys/old/revoke", null);
        Expect(revoked, 200);
        Assert.Equal(["new"], KeyIds(await Json(revoked)));
        var after = await host.BatchAsync(HmacSigned(site, 3, "old", OldSecret), HmacSigned(site, 4, "new", NewSecret));
        Assert.Equal(["rejected", "accepted"], Statuses(after));
        Assert.Equal("unknown_key", after.GetProperty("results")[0].GetProperty("reason").GetString());

        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys/new/revoke", null), 409, "last-required-key");
        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys", HmacKey("old", NewSecret)), 409, "device-key-exists");
        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys/old/revoke", null), 404, "not-found");
        Assert.Equal(["new"], KeyIds(await Json(await host.Client.GetAsync($"/v1/sites/{site}"))));
        Assert.Equal("new:active old:revoked", await host.ScalarAsync<string>(
            "SELECT string_agg(key_id || CASE WHEN revoked_at IS NULL THEN ':active' ELSE ':revoked' END, ' ' ORDER BY key_id) FROM site_device_keys WHERE site_id = $1", site));
        Assert.Equal(3m, await host.EnergyAsync(site));
    }

    [Fact]
    public async Task KeyWrites_AreIdempotent_AndRefuseBadInputWithoutWritingIt()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval", keys: [HmacKey("old", OldSecret)]);
        var food = "food-" + Guid.NewGuid().ToString("N")[..8];
        Expect(await host.Client.PostAsync("/v1/sites", new { site_id = food, dao_id = "d", domain = "food" }), 201);
        var answersBefore = await host.ScalarAsync<long>("SELECT count(*) FROM energy_idempotency");

        var first = await host.Client.PostAsync($"/v1/sites/{site}/device-keys", HmacKey("new", NewSecret), key: "rotate-1");
        var again = await host.Client.PostAsync($"/v1/sites/{site}/device-keys", HmacKey("new", NewSecret), key: "rotate-1");

        Expect(first, 201);
        Expect(again, 201);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(KeyIds(await Json(first)), KeyIds(await Json(again)));
        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys", HmacKey("other", NewSecret), key: "rotate-1"), 409, "idempotency-key-reused");
        await Problem(await host.Client.PostAsync("/v1/sites/nowhere/device-keys", HmacKey("k", NewSecret)), 404, "not-found");
        await Problem(await host.Client.PostAsync($"/v1/sites/{food}/device-keys", HmacKey("k", NewSecret)), 409, "no-meter");
        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys", new { key_id = "k", type = "hmac-sha256", key = "c2hvcnQ=" }), 422, "invalid-request");
        await Problem(await host.Client.PostAsync($"/v1/sites/{site}/device-keys/bad%20id/revoke", null), 422, "invalid-request");
        Assert.Equal(400, (int)(await host.Client.PostRawAsync($"/v1/sites/{site}/device-keys", "null")).StatusCode);
        await Problem(await For(host.Api, "energy:read energy:write").PostAsync($"/v1/sites/{site}/device-keys", HmacKey("k", NewSecret)), 403, "forbidden");

        // Saved: the add, and the refusal decided by a site's state (no meter). Nothing else was written.
        Assert.Equal(answersBefore + 2, await host.ScalarAsync<long>("SELECT count(*) FROM energy_idempotency"));
        Assert.Equal(2L, await host.ScalarAsync<long>("SELECT count(*) FROM site_device_keys WHERE site_id = $1", site));
    }

    private static string[] KeyIds(JsonElement site) =>
        [.. site.GetProperty("meter").GetProperty("device_keys").EnumerateArray().Select(k => k.GetProperty("key_id").GetString()!).Order(StringComparer.Ordinal)];
}
