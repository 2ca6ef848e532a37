using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Testing;
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
