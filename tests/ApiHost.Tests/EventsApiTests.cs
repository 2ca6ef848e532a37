using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Subscriptions;
using Daarion.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class EventsApiTests
{
    [Fact]
    public async Task Transfer_ItsEventsReachTheWalletStream_AndMetricsShowTheRelay()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var api = await ApiFactory.WithPrivateNatsAsync(nats);
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "10");
        var payee = await client.WalletAsync("KWT");

        var transfer = await Json(await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "4" }));
        var transactionId = transfer.GetProperty("transaction_id").GetString();

        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = nats.Url });
        var jetStream = new JetStreamContext(connection);
        var events = new List<JsonElement>();
        await Eventually.True(async () =>
        {
            events = await ReadStreamAsync(jetStream, "STREAM_WALLET");
            return events.Any(e => e.GetProperty("type").GetString() == "wallet.tx.confirmed"
                && e.GetProperty("payload").GetProperty("transaction_id").GetString() == transactionId);
        }, because: "the transfer's wallet.tx.confirmed is relayed");
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "wallet.balance.updated"
            && e.GetProperty("payload").GetProperty("wallet_id").GetString() == payee
            && e.GetProperty("payload").GetProperty("balance").GetString() == "4.000000");

        await Eventually.True(async () => (await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync()).Contains("outbox_backlog_events 0\n", StringComparison.Ordinal));
        var metrics = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("outbox_relay_leader 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("outbox_oldest_unpublished_age_seconds 0\n", metrics, StringComparison.Ordinal);
        Assert.Matches(@"outbox_relay_published_total [1-9]\d*\n", metrics);
    }

    [Fact]
    public async Task Replay_OverTheAdminApi_ReFeedsARegisteredHandler_AndReportsItsProgress()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var factory = await ApiFactory.WithPrivateNatsAsync(nats);
        await using var api = WithCounter(factory);
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "10");
        var payee = await client.WalletAsync("KWT");
        Expect(await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "4" }), 201);
        var handler = api.Services.GetRequiredService<CountingHandler>();
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = nats.Url });
        var jetStream = new JetStreamContext(connection);
        // The funding adjustment and the transfer: a wallet.tx.confirmed and a wallet.balance.updated per wallet each.
        await Eventually.True(async () => (await jetStream.GetStreamInfoAsync("STREAM_WALLET")).State.Messages == 6);
        await Eventually.True(() => handler.Live == 6, because: "the live group handles every event of the stream");

        var started = await client.PostAsync("/v1/admin/events/replays", new { handler = "counter", deliver = "all", replay = "instant" });
        Expect(started, 202);
        var location = started.Headers.Location!.OriginalString;
        Assert.Equal("running", (await Json(started)).GetProperty("state").GetString());
        await Eventually.True(async () => (await Json(await client.GetAsync(location))).GetProperty("state").GetString() == "completed");
        var status = await Json(await client.GetAsync(location));
        Assert.Equal((6, "all", "STREAM_WALLET"), (status.GetProperty("handled").GetInt32(), status.GetProperty("deliver").GetString(), status.GetProperty("stream").GetString()));
        Assert.Equal(6, handler.Replayed);
        Assert.Single((await Json(await client.GetAsync("/v1/admin/events/replays"))).EnumerateArray());
    }

    [Fact]
    public async Task Replay_BadRequests_AreProblems_AndOnlyAdminsMayReplay()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var factory = await ApiFactory.WithPrivateNatsAsync(nats);
        await using var api = WithCounter(factory);
        var admin = For(api);
        const string Path = "/v1/admin/events/replays";

        await Problem(await admin.PostAsync(Path, new { handler = "nobody" }), 404, "unknown-event-handler");
        await Problem(await admin.PostAsync(Path, new { handler = "counter", deliver = "sometimes" }), 422, "invalid-request");
        await Problem(await admin.PostAsync(Path, new { handler = "counter", deliver = "by_start_time" }), 422, "invalid-request");
        await Problem(await admin.PostAsync(Path, new { handler = "counter", deliver = "by_start_time", start_time = "yesterday" }), 422, "invalid-request");
        await Problem(await admin.PostAsync(Path, new { handler = "counter", filter_subject = "rwa.inventory.updated" }), 422, "invalid-request");
        await Problem(await admin.PostRawAsync(Path, "{\"handler\":"), 400, "malformed-json");
        await Problem(await admin.PostAsync(Path, new { handler = "counter", surprise = 1 }), 400, "malformed-json");
        await Problem(await admin.GetAsync(Path + "/rpl_unknown"), 404, "not-found");
        var reader = For(api, scope: "wallet:read wallet:write");
        await Problem(await reader.PostAsync(Path, new { handler = "counter" }), 403, "forbidden");
        await Problem(await reader.GetAsync(Path), 403, "forbidden");
    }

    // The host with a test handler, "counter", on STREAM_WALLET's usage group.
    private static WebApplicationFactory<Program> WithCounter(ApiFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddEventHandler<CountingHandler>("counter", "STREAM_WALLET", "usage")));

    private static async Task<List<JsonElement>> ReadStreamAsync(JetStreamContext jetStream, string stream)
    {
        var consumer = await jetStream.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { AckPolicy = AckPolicy.None });
        var events = new List<JsonElement>();
        await foreach (var message in jetStream.GetConsumer(stream, consumer.Name).FetchAsync(new FetchOptions { MaxMessages = 1000, NoWait = true }))
            events.Add(JsonDocument.Parse(message.Data).RootElement.Clone());
        await jetStream.DeleteConsumerAsync(stream, consumer.Name);
        return events;
    }
}
