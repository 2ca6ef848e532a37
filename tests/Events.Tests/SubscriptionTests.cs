using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Backbone;
using Daarion.Events.Subscriptions;
using Daarion.Hosting;
using Daarion.Silo.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Daarion.Events.Tests;

public sealed class SubscriptionTests
{
    private const string Balance = "wallet.balance.updated";
    private const string Consumer = "STREAM_WALLET/wallet";

    [Fact]
    public async Task Handler_GetsEveryEventOnce_InCommitOrderPerKey_ItsWritesCommittedWithTheInbox()
    {
        await using var test = await SubscribedAsync();
        var written = await WriteAsync(test.Database, keys: 4, perKey: 50);

        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count >= written.Count);
        var handled = await RecordingHandler.HandledAsync(test.Database, Consumer);
        Assert.Equal(written.Select(e => e.EventId).Order(), handled.Select(h => h.EventId).Order());
        foreach (var key in handled.GroupBy(h => h.Key))
            Assert.Equal(Enumerable.Range(0, 50), key.Select(h => h.Sequence));
        Assert.Equal(written.Count, test.Host.Get<EventConsumerMetrics>().Handled(Consumer));
        Assert.Equal((long)written.Count, await CountAsync(test.Database, "SELECT count(*) FROM event_inbox WHERE consumer = $1", Consumer));
    }

    [Fact]
    public async Task RedeliveredEvent_IsRecognisedByTheInbox_AndNotHandledAgain()
    {
        await using var test = await SubscribedAsync();
        var first = OutboxWriter.Event(Balance, "w-1", 0);
        await OutboxWriter.WriteRowsAsync(test.Database, [first]);
        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count == 1);

        // The same event stored again past de-duplication (another Nats-Msg-Id), as a redelivery would bring it.
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = test.Nats.Url });
        await new JetStreamContext(connection).PublishAsync(Balance, System.Text.Encoding.UTF8.GetBytes(first.ToEnvelopeJson()), options: new() { MsgId = "again" });
        await OutboxWriter.WriteRowsAsync(test.Database, [OutboxWriter.Event(Balance, "w-1", 1)]);
        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count == 2);

        Assert.Equal([0, 1], (await RecordingHandler.HandledAsync(test.Database, Consumer)).Select(h => h.Sequence));
        Assert.Equal(1, test.Host.Get<EventConsumerMetrics>().Duplicates(Consumer));
    }

    [Fact]
    public async Task HandlerFailingTwice_IsRetried_ItsRolledBackWritesLeaveNothing_AndOrderHolds()
    {
        await using var test = await SubscribedAsync();
        var handler = test.Host.Get<RecordingHandler>();
        handler.Fails = (e, attempt) => e.Payload.GetProperty("sequence").GetInt32() == 5 && attempt <= 2;
        var written = await WriteAsync(test.Database, keys: 1, perKey: 10);

        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count == written.Count);
        await Task.Delay(200);
        Assert.Equal(Enumerable.Range(0, 10), (await RecordingHandler.HandledAsync(test.Database, Consumer)).Select(h => h.Sequence));
        Assert.Equal(3, handler.Attempts[written[5].EventId]);
        Assert.Equal(2, test.Host.Get<EventConsumerMetrics>().Failures(Consumer));
    }

    [Fact]
    public async Task HandlerFailingEveryTime_SendsTheEventToTheDeadLetters_AndTheGroupMovesOn()
    {
        await using var test = await SubscribedAsync();
        test.Host.Get<RecordingHandler>().Fails = (e, _) => e.Payload.GetProperty("sequence").GetInt32() == 3;
        var written = await WriteAsync(test.Database, keys: 1, perKey: 6);

        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count == 5);
        Assert.Equal([0, 1, 2, 4, 5], (await RecordingHandler.HandledAsync(test.Database, Consumer)).Select(h => h.Sequence));
        Assert.Equal(1L, await CountAsync(test.Database, "SELECT count(*) FROM event_dead_letters WHERE consumer = $1 AND event_id = $2", Consumer, written[3].EventId));
        Assert.Equal(3, test.Host.Get<RecordingHandler>().Attempts[written[3].EventId]);
    }

    [Fact]
    public async Task UnreadableMessage_GoesToTheDeadLetters_AndOtherTypesSkipTheHandler()
    {
        await using var test = await SubscribedAsync();
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = test.Nats.Url });
        await new JetStreamContext(connection).PublishAsync("wallet.tx.sent", "not json"u8.ToArray(), options: new() { MsgId = "garbage" });
        await OutboxWriter.WriteRowsAsync(test.Database, [OutboxWriter.Event("wallet.tx.confirmed", "w-1", 0), OutboxWriter.Event(Balance, "w-1", 1)]);

        await Eventually.True(async () => (await RecordingHandler.HandledAsync(test.Database, Consumer)).Count == 1);
        Assert.Equal([1], (await RecordingHandler.HandledAsync(test.Database, Consumer)).Select(h => h.Sequence));
        await Eventually.True(async () => await CountAsync(test.Database, "SELECT count(*) FROM event_dead_letters WHERE consumer = $1 AND event_id = 'garbage'", Consumer) == 1);
    }

    [Fact]
    public async Task WhileTheDatabaseIsDown_TheBatchWaits_ThenEveryEventIsHandledOnceInOrder()
    {
        using var directory = new TempDirectory();
        await using var postgres = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = directory.Sub("pg") });
        var connectionString = await postgres.CreateDatabaseAsync("subscriptions");
        await SqlMigrations.ApplyAsync(connectionString);
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2 }.ConnectionString);
        await using (var command = database.CreateCommand(RecordingHandler.CreateTable))
            await command.ExecuteNonQueryAsync();
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url, new Dictionary<string, string?>
        {
            ["Events:Consumers:MaxRetryDelay"] = "00:00:00.200",
        }, services => services.AddEventHandler<RecordingHandler>("recorder", "STREAM_WALLET", "wallet", Balance));
        var jetStream = await host.Get<EventBackbone>().ReadyAsync(CancellationToken.None);

        await postgres.StopAsync();
        // Published straight to the stream: the outbox is unreachable too.
        var events = Enumerable.Range(0, 20).Select(i => OutboxWriter.Event(Balance, "w-1", i)).ToList();
        foreach (var e in events)
            await jetStream.PublishAsync(Balance, System.Text.Encoding.UTF8.GetBytes(e.ToEnvelopeJson()), options: new() { MsgId = e.EventId });
        await Task.Delay(1500);
        await postgres.RestartAsync();

        // Fresh connections: the pooled ones died with the server.
        await using var check = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await Eventually.True(async () => (await RecordingHandler.HandledAsync(check, Consumer)).Count >= 20, timeoutMs: 30_000);
        await Task.Delay(300);
        Assert.Equal(Enumerable.Range(0, 20), (await RecordingHandler.HandledAsync(check, Consumer)).Select(h => h.Sequence));
    }

    [Fact]
    public void AddEventHandler_RefusesUnknownStreamsTypesAndSecondHandlersOfAGroup()
    {
        var services = new ServiceCollection();
        services.AddEventHandler<RecordingHandler>("a", "STREAM_WALLET", "wallet");
        Assert.Contains("not a stream", Assert.Throws<ArgumentException>(() => services.AddEventHandler<RecordingHandler>("b", "STREAM_NOPE", "x")).Message, StringComparison.Ordinal);
        Assert.Contains("not an event type", Assert.Throws<ArgumentException>(() => services.AddEventHandler<RecordingHandler>("b", "STREAM_RWA", "x", "wallet.tx.sent")).Message, StringComparison.Ordinal);
        Assert.Contains("already has a handler", Assert.Throws<ArgumentException>(() => services.AddEventHandler<RecordingHandler>("b", "STREAM_WALLET", "wallet")).Message, StringComparison.Ordinal);
        Assert.Contains("already registered", Assert.Throws<ArgumentException>(() => services.AddEventHandler<RecordingHandler>("a", "STREAM_RWA", "wallet")).Message, StringComparison.Ordinal);
        services.AddEventHandler<RecordingHandler>("c", "STREAM_RWA", "my-group", "rwa.inventory.updated");
        Assert.Contains(services, d => d.ImplementationInstance is ConsumerGroupRegistration { Stream: "STREAM_RWA", Group: "my-group" });
    }

    internal static async Task<SubscribedHost> SubscribedAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var nats = await PrivateNatsServer.StartAsync();
        var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using (var command = database.CreateCommand(RecordingHandler.CreateTable))
            await command.ExecuteNonQueryAsync();
        var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Events:Consumers:RetryDelay"] = "00:00:00.020",
            ["Events:Consumers:MaxAttempts"] = "3",
            ["Events:Consumers:LongPoll"] = "00:00:01",
        }, services => services.AddEventHandler<RecordingHandler>("recorder", "STREAM_WALLET", "wallet", Balance));
        await host.Get<EventBackbone>().ReadyAsync(CancellationToken.None);
        return new SubscribedHost(nats, database, host);
    }

    private static async Task<List<OutboxEvent>> WriteAsync(NpgsqlDataSource database, int keys, int perKey)
    {
        var written = new List<OutboxEvent>();
        for (var sequence = 0; sequence < perKey; sequence++)
        {
            var events = Enumerable.Range(0, keys).Select(k => OutboxWriter.Event(Balance, $"w-{k}", sequence)).ToList();
            if (sequence % 2 == 0) await OutboxWriter.WriteRowsAsync(database, events);
            else await OutboxWriter.WriteBatchAsync(database, events);
            written.AddRange(events);
        }
        return written;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql, params object[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
