using System.Globalization;
using System.Text;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

/// <summary>Webhooks signed by the reference `standardwebhooks` npm library, as platforms' senders sign them.</summary>
public sealed class EmbassyInteropTests(NodeInterop node) : IClassFixture<NodeInterop>
{
    [Fact]
    public async Task WebhooksSignedByTheStandardWebhooksLibrary_AreAccepted_AndTamperedOnesRefused()
    {
        await using var host = await EnergyHost.StartAsync();
        var site = await host.SiteAsync("interval");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Body(string platform, string value, int minutesAgo) =>
            $$"""{"platform":"{{platform}}","domain":"energy","site_id":"{{site}}","value":"{{value}}","unit":"kWh","ts":"{{DateTimeOffset.UtcNow.AddMinutes(-minutesAgo):O}}","note":"Сонце ☀️"}""";
        string[] bodies = [Body("energyunion", "1.25", 2), Body("greenfood", "2", 1)];
        object[] cases =
        [
            new { secretLength = 32, timestamp, body = bodies[0], rotated = false },
            // A sender mid-rotation: its header carries another secret's signature first.
            new { secretLength = 24, timestamp, body = bodies[1], rotated = true },
        ];

        var signed = await node.RunAsync<Signed[]>("webhooks.mjs", "sign", new { cases });
        await host.PlatformAsync("energyunion", Crypto.Webhooks.WebhookSecret.Parse(signed[0].Secret));
        await host.PlatformAsync("greenfood", Crypto.Webhooks.WebhookSecret.Parse(signed[1].Secret));
        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);

        var first = await host.SendWebhookAsync("/v1/embassy/energy", Encoding.UTF8.GetBytes(bodies[0]), signed[0].Id, stamp, signed[0].Signature);
        var rotated = await host.SendWebhookAsync("/v1/embassy/energy", Encoding.UTF8.GetBytes(bodies[1]), signed[1].Id, stamp, signed[1].Signature);
        var tampered = await host.SendWebhookAsync("/v1/embassy/energy", Encoding.UTF8.GetBytes(bodies[0].Replace("1.25", "9.25", StringComparison.Ordinal)), signed[0].Id, stamp, signed[0].Signature);

        Expect(first, 200);
        Expect(rotated, 200);
        await Problem(tampered, 401, "unauthorized");
        Assert.Equal(3.25m, await host.EnergyAsync(site));
    }

    private sealed record Signed(string Secret, string? OtherSecret, string Id, string Signature);
}
