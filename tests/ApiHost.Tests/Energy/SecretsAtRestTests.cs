using System.Security.Cryptography;
using System.Text;
using Daarion.Crypto.Webhooks;
using static Daarion.ApiHost.Tests.Energy.EnergyHost;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

/// <summary>Webhook secrets and HMAC device keys are stored sealed under SECRETS_KEY, and still verify after a restart.</summary>
public sealed class SecretsAtRestTests
{
    private static readonly byte[] DeviceSecret = Enumerable.Repeat((byte)7, 32).ToArray();
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)0xA1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)0xB2, 32).ToArray());

    private static string EnergyBody(string platform, string site, int minute) =>
        $$"""{"platform":"{{platform}}","domain":"energy","site_id":"{{site}}","value":1,"unit":"kWh","ts":"{{At(minute)}}"}""";

    [Fact]
    public async Task SecretsAreStoredSealed_AndVerifyAfterARestart()
    {
        string database, site, webhookSite;
        WebhookSecret secret;
        await using (var first = await StartAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = KeyA }))
        {
            database = first.Database;
            secret = await first.PlatformAsync("energyunion");
            site = await first.SiteAsync("interval", requireSignature: true, keys: [HmacKey("mac", DeviceSecret)]);
            webhookSite = await first.SiteAsync("interval"); // platforms sign webhooks; devices sign readings
        }

        await using var second = await StartAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = KeyA }, database);

        // Nothing in the rows gives the secrets away: the plaintext columns are empty, the sealed bytes hold neither.
        Assert.True(await second.ScalarAsync<bool>("SELECT secret IS NULL AND sealed_secret IS NOT NULL FROM embassy_secrets"));
        Assert.True(await second.ScalarAsync<bool>("SELECT key IS NULL AND sealed_key IS NOT NULL FROM site_device_keys"));
        var sealedSecret = await second.ScalarAsync<byte[]>("SELECT sealed_secret FROM embassy_secrets");
        var sealedKey = await second.ScalarAsync<byte[]>("SELECT sealed_key FROM site_device_keys");
        Assert.Equal(-1, sealedSecret.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret.Reveal()).AsSpan(6, 16)));
        Assert.Equal(-1, sealedKey.AsSpan().IndexOf(DeviceSecret.AsSpan(0, 8)));
        Assert.Equal(KeyId(KeyA), sealedKey[1..9]);
        Expect(await second.WebhookAsync("/v1/embassy/energy", new StandardWebhook(secret), EnergyBody("energyunion", webhookSite, 1)), 200);
        Assert.Equal(["accepted"], Statuses(await second.BatchAsync(HmacSigned(site, 2, "mac", DeviceSecret))));
        Assert.Equal((1m, 1m), (await second.EnergyAsync(webhookSite), await second.EnergyAsync(site)));
    }

    [Fact]
    public async Task PlaintextRowsAndRowsUnderAPreviousKey_AreResealedAtStart_AndKeepVerifying()
    {
        var database = await Daarion.Testing.SharedServers.CreateDatabaseAsync(migrate: false);
        WebhookSecret legacySecret, olderSecret;
        string legacySite, olderSite, webhookSite;
        await using (var first = await StartAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = KeyA }, database))
        {
            legacySecret = await first.PlatformAsync("legacyunion");
            olderSecret = await first.PlatformAsync("olderunion");
            legacySite = await first.SiteAsync("interval", requireSignature: true, keys: [HmacKey("mac", DeviceSecret)]);
            olderSite = await first.SiteAsync("interval", requireSignature: true, keys: [HmacKey("mac", DeviceSecret)]);
            webhookSite = await first.SiteAsync("interval");
            // Rows as a host before sealing wrote them.
            Assert.Equal(1L, await first.ScalarAsync<long>(
                "WITH u AS (UPDATE embassy_secrets SET secret = $1, sealed_secret = NULL WHERE platform = 'legacyunion' RETURNING 1) SELECT count(*) FROM u", legacySecret.Reveal()));
            Assert.Equal(1L, await first.ScalarAsync<long>(
                "WITH u AS (UPDATE site_device_keys SET key = $1, sealed_key = NULL WHERE site_id = $2 RETURNING 1) SELECT count(*) FROM u", DeviceSecret, legacySite));
        }

        // The key rotates: B seals, A only opens.
        await using (var rotated = await StartAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = KeyB, ["SECRETS_KEY_PREVIOUS"] = KeyA }, database))
        {
            Assert.Equal(0L, await rotated.ScalarAsync<long>(
                "SELECT (SELECT count(*) FROM embassy_secrets WHERE secret IS NOT NULL OR substring(sealed_secret FROM 2 FOR 8) <> $1) + " +
                "(SELECT count(*) FROM site_device_keys WHERE key IS NOT NULL OR substring(sealed_key FROM 2 FOR 8) <> $1)", KeyId(KeyB)));
        }

        // Everything is under B now: a host that no longer knows A verifies all of it.
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = KeyB }, database);
        Expect(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook(legacySecret), EnergyBody("legacyunion", webhookSite, 1)), 200);
        Expect(await host.WebhookAsync("/v1/embassy/energy", new StandardWebhook(olderSecret), EnergyBody("olderunion", webhookSite, 2)), 200);
        Assert.Equal(["accepted"], Statuses(await host.BatchAsync(HmacSigned(legacySite, 2, "mac", DeviceSecret))));
        Assert.Equal(["accepted"], Statuses(await host.BatchAsync(HmacSigned(olderSite, 2, "mac", DeviceSecret))));
        Assert.Equal((2m, 1m, 1m), (await host.EnergyAsync(webhookSite), await host.EnergyAsync(legacySite), await host.EnergyAsync(olderSite)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task AMissingOrMalformedSecretsKey_StopsTheStart_WithoutShowingIt(string value)
    {
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?> { ["SECRETS_KEY"] = value });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient()).ToString();

        Assert.Contains("SECRETS_KEY", error);
        if (value.Length > 0) Assert.DoesNotContain(value, error);
    }

    [Fact]
    public async Task AMalformedPreviousKey_StopsTheStart()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?> { ["SECRETS_KEY_PREVIOUS"] = KeyA + ",c2hvcnQ=" });

        Assert.Contains("SECRETS_KEY_PREVIOUS", Assert.ThrowsAny<Exception>(() => api.CreateClient()).ToString());
    }

    // What every value sealed under the key carries in bytes 1 to 8.
    private static byte[] KeyId(string key) => SHA256.HashData(Convert.FromBase64String(key))[..8];
}
