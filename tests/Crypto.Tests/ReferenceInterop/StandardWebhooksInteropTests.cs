using System.Text;
using Daarion.Crypto.Webhooks;
using Daarion.Testing;

namespace Daarion.Crypto.Tests.ReferenceInterop;

[Collection(NodeInteropCollection.Name)]
public sealed class StandardWebhooksInteropTests(NodeInterop node)
{
    private const string Body = """{"type":"energy.reading","data":{"site_id":"s-1","kwh":"12.500","note":"Сонце ☀️"}}""";

    [Fact]
    public async Task SignaturesFromTheReferenceLibrary_Verify()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        object[] cases =
        [
            new { secretLength = 24, timestamp, body = Body, rotated = false },
            new { secretLength = 32, timestamp, body = Body, rotated = true },
            new { secretLength = 64, timestamp, body = "", rotated = false },
        ];

        var signed = await node.RunAsync<SignedWebhook[]>("webhooks.mjs", "sign", new { cases });

        var clock = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(timestamp));
        var bodies = new[] { Body, Body, "" };
        for (var i = 0; i < signed.Length; i++)
        {
            var item = signed[i];
            var body = Encoding.UTF8.GetBytes(bodies[i]);
            var webhook = new StandardWebhook(WebhookSecret.Parse(item.Secret), clock);
            var stamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

            var result = webhook.Verify(item.Id, stamp, item.Signature, body);

            Assert.True(result.IsValid, result.Failure.ToString());
            Assert.Equal(item.Id, result.Id);
            Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, webhook.Verify(item.Id, stamp, item.Signature, [.. body, (byte)' ']).Failure);
            Assert.Equal(
                WebhookVerificationFailure.NoMatchingSignature,
                new StandardWebhook(WebhookSecret.Generate(), clock).Verify(item.Id, stamp, item.Signature, body).Failure);
            if (item.OtherSecret is not null)
                Assert.True(new StandardWebhook(WebhookSecret.Parse(item.OtherSecret), clock).Verify(item.Id, stamp, item.Signature, body).IsValid);
        }
    }

    [Fact]
    public async Task SignaturesByUs_AreAcceptedByTheReferenceLibrary()
    {
        // The reference library checks the timestamp against its own clock, so sign for now.
        var now = DateTimeOffset.UtcNow;
        var current = WebhookSecret.Generate();
        var previous = WebhookSecret.Generate();
        var header = new StandardWebhook([current, previous]).Sign("msg_daarion_1", now, Encoding.UTF8.GetBytes(Body));
        var item = new VerifyItem(current.Reveal(), "msg_daarion_1", now.ToUnixTimeSeconds(), Body, header);
        VerifyItem[] items =
        [
            item,
            item with { Secret = previous.Reveal() },
            // Controls the library must refuse: a changed body, and a secret we never signed with.
            item with { Body = Body + " " },
            item with { Secret = WebhookSecret.Generate().Reveal() },
        ];

        var results = await node.RunAsync<Verdict[]>("webhooks.mjs", "verify", new { items });

        Assert.True(results[0].Ok, results[0].Error);
        Assert.True(results[1].Ok, results[1].Error);
        Assert.False(results[2].Ok);
        Assert.False(results[3].Ok);
    }

    private sealed record SignedWebhook(string Secret, string? OtherSecret, string Id, string Signature);

    private sealed record VerifyItem(string Secret, string Id, long Timestamp, string Body, string Signature);

    private sealed record Verdict(bool Ok, string? Error);
}
