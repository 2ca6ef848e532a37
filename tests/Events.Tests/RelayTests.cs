using Daarion.Events.Relay;
using Daarion.Silo.Events;
using Npgsql;

namespace Daarion.Events.Tests;

public sealed class RelayTests
{
    private const string Balance = "wallet.balance.updated";
    private const string Confirmed = "wallet.tx.confirmed";

    [Fact]
    public async Task Relay_PublishesBothOutboxTables_WithMsgIdAndEnvelope_AndMarksRowsPublished()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        var rowEvent = OutboxWriter.Event(Balance, "w-1", 1);
        var batchEvents = new[] { OutboxWriter.Event(Confirmed, "w-2", 1), OutboxWriter.Event(Balance, "w-2", 2) };
        await OutboxWriter.WriteRowsAsync(database, [rowEvent]);
        await OutboxWriter.WriteBatchAsync(database, batchEvents);

        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, because: "every row is marked published");

        var stored = await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET");
        Assert.Equal([rowEvent.EventId, .. batchEvents.Select(e => e.EventId)], stored.Select(s => s.EventId));
        Assert.All(stored, s => Assert.Equal(s.EventId, s.MsgId));
        Assert.Equal([Balance, Confirmed, Balance], stored.Select(s => s.Subject));
        // The envelope of seed 42 §6, as written.
        var envelope = stored[1].Envelope;
        Assert.Equal(["event_id", "ts", "domain", "type", "version", "actor", "payload", "meta"], envelope.EnumerateObject().Select(p => p.Name));
        Assert.Equal("wallet", envelope.GetProperty("domain").GetString());
        Assert.Equal(Confirmed, envelope.GetProperty("type").GetString());
        Assert.Equal(3, host.Get<OutboxRelayMetrics>().Published);
    }

    [Fact]
    public async Task Relay_WakesOnNotification_WithoutWaitingForThePollInterval()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url, new Dictionary<string, string?>
        {
            ["Events:Relay:PollInterval"] = "00:01:00",
        });
        var metrics = host.Get<OutboxRelayMetrics>();
        await Eventually.True(() => metrics.IsLeader, because: "the relay leads");
        await Task.Delay(200); // past its first (empty) read: it now waits for a notification

        var started = DateTime.UtcNow;
        await OutboxWriter.WriteRowsAsync(database, [OutboxWriter.Event(Balance, "w-1", 1)]);
        await OutboxWriter.WriteBatchAsync(database, [OutboxWriter.Event(Balance, "w-2", 1)]);
        await Eventually.True(() => metrics.Published == 2, timeoutMs: 5_000, because: "a notification wakes the relay long before its 1 min poll");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Relay_WhileNatsIsDown_BacklogGrowsInMetrics_ThenDrainsEachEventOnceInOrderPerKey()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        var metrics = host.Get<OutboxRelayMetrics>();
        await Eventually.True(() => metrics.IsLeader);

        await nats.Server.StopAsync();
        var written = await WriteKeyedAsync(database, keys: 5, perKey: 40);
        await Eventually.True(() => metrics.Backlog == written.Count, because: "the backlog counts every unpublished event");
        await Eventually.True(() => metrics.OldestUnpublishedAge > TimeSpan.Zero, because: "the oldest event ages while NATS is down");
        Assert.Equal(0, metrics.Published);

        await nats.Server.RestartAsync();
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, timeoutMs: 30_000, because: "the backlog drains");
        await Eventually.True(() => metrics.Backlog == 0 && metrics.OldestUnpublishedAge == TimeSpan.Zero);

        AssertExactlyOnceInOrder(written, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task Relay_NatsRestartedWhileWriting_EveryEventOnceAndInOrderPerKey()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        await Eventually.True(() => host.Get<OutboxRelayMetrics>().IsLeader);

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = new List<OutboxEvent>();
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                // Interleaved keys, in rows and in batches, as the silo and the ledger write them.
                var events = Enumerable.Range(0, 200).Select(i => OutboxWriter.Event(i % 2 == 0 ? Balance : Confirmed, $"w-{i % 7}", round * 200 + i)).ToList();
                if (round % 2 == 0) await OutboxWriter.WriteRowsAsync(database, events);
                else await OutboxWriter.WriteBatchAsync(database, events);
                written.AddRange(events);
                await Task.Delay(5);
            }
            return written;
        });
        for (var restart = 0; restart < 2; restart++)
        {
            await Task.Delay(700);
            await nats.Server.KillAsync(); // a crash: acks in flight are lost
            await Task.Delay(500);
            await nats.Server.RestartAsync();
        }
        await Task.Delay(500);
        await stop.CancelAsync();
        var all = await writer;

        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, timeoutMs: 60_000, because: "the backlog drains");
        AssertExactlyOnceInOrder(all, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task Relay_UnderConcurrentWriters_KeepsCommitOrderPerKey_AcrossBothTables()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        // Commits that do not wait for the disk follow each other within microseconds, as under a heavy load.
        await using var fast = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c synchronous_commit=off" }.ConnectionString);

        // Each writer owns its keys and alternates the silo's rows and the ledger's batches, commit after commit, while
        // the relay reads: a page read in two snapshots would catch a key's batch without the row committed before it.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var written = new List<OutboxEvent>();
            for (var sequence = 0; sequence < 400; sequence++)
            {
                var events = Enumerable.Range(0, 3).Select(k => OutboxWriter.Event(Balance, $"w{w}-{k}", sequence)).ToList();
                if (sequence % 2 == 0) await OutboxWriter.WriteRowsAsync(fast, events);
                else await OutboxWriter.WriteBatchAsync(fast, events);
                written.AddRange(events);
            }
            return written;
        })).ToList();
        var all = (await Task.WhenAll(writers)).SelectMany(w => w).ToList();

        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, timeoutMs: 30_000);
        AssertExactlyOnceInOrder(all, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task HostStartedWhileNatsIsDown_WritesPile_ThenTheCatalogIsProvisionedAndTheBacklogDrains()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await nats.Server.StopAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        var written = await WriteKeyedAsync(database, keys: 3, perKey: 10);
        await Eventually.True(() => host.Get<OutboxRelayMetrics>().Backlog == written.Count);
        Assert.False(host.Get<Backbone.EventBackbone>().IsReady);

        await nats.Server.RestartAsync();
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, timeoutMs: 30_000);
        AssertExactlyOnceInOrder(written, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task StreamDeletedUnderTheRelay_IsProvisionedAgain_AndTheEventsFollow()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        var jetStream = await host.Get<Backbone.EventBackbone>().ReadyAsync(CancellationToken.None);
        Assert.True(await jetStream.DeleteStreamAsync("STREAM_WALLET"));

        var written = await WriteKeyedAsync(database, keys: 2, perKey: 5);
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0, timeoutMs: 30_000);
        AssertExactlyOnceInOrder(written, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task Relay_EventsTheStreamAlreadyHas_AreDroppedAsDuplicates()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        var events = Enumerable.Range(0, 10).Select(i => OutboxWriter.Event(Balance, "w-1", i)).ToList();
        await OutboxWriter.WriteRowsAsync(database, events);
        await using (var first = await EventsHost.StartAsync(database.ConnectionString, nats.Url))
            await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0);

        // As if the relay had crashed after the acks and before marking its rows: it sends them all again.
        await using (var command = database.CreateCommand("UPDATE outbox_events SET published_at = NULL"))
            await command.ExecuteNonQueryAsync();
        await using var second = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0);

        Assert.Equal(10, second.Get<OutboxRelayMetrics>().Duplicates);
        Assert.Equal(0, second.Get<OutboxRelayMetrics>().Published);
        AssertExactlyOnceInOrder(events, await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET"));
    }

    [Fact]
    public async Task Relay_EventNoStreamCaptures_IsDeadLetteredWithoutBlockingTheRest()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        var stray = OutboxWriter.Event("counter.value.changed", "c-1", 1);
        var wallet = OutboxWriter.Event(Balance, "w-1", 1);
        await OutboxWriter.WriteRowsAsync(database, [stray, wallet]);
        await OutboxWriter.WriteBatchAsync(database, [OutboxWriter.Event("counter.value.changed", "c-1", 2), OutboxWriter.Event(Balance, "w-1", 2)]);

        await using var host = await EventsHost.StartAsync(database.ConnectionString, nats.Url);
        await Eventually.True(async () => await OutboxWriter.UnpublishedRowsAsync(database) == 0);

        Assert.Equal(2, (await StoredEvent.ReadAllAsync(nats.Url, "STREAM_WALLET")).Count);
        await using var command = database.CreateCommand("SELECT consumer, event_id, subject, reason FROM event_dead_letters ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("outbox-relay", stray.EventId, "counter.value.changed"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        Assert.Contains("no stream", reader.GetString(3), StringComparison.Ordinal);
        Assert.Equal(2, host.Get<OutboxRelayMetrics>().DeadLetters);
    }

    [Fact]
    public async Task Relay_TwoHosts_OneLeads_AndTheOtherTakesOverWhenItStops()
    {
        await using var nats = await PrivateNatsServer.StartAsync();
        await using var database = NpgsqlDataSource.Create(await SharedServers.CreateDatabaseAsync());
        var settings = new Dictionary<string, string?> { ["Events:Relay:PollInterval"] = "00:00:00.200" };
        await using var first = await EventsHost.StartAsync(database.ConnectionString, nats.Url, settings);
        await using var second = await EventsHost.StartAsync(database.ConnectionString, nats.Url, settings);
        await Eventually.True(() => first.Get<OutboxRelayMetrics>().IsLeader || second.Get<OutboxRelayMetrics>().IsLeader);
        await Task.Delay(500);
        Assert.NotEqual(first.Get<OutboxRelayMetrics>().IsLeader, second.Get<OutboxRelayMetrics>().IsLeader);

        var (leader, standby) = first.Get<OutboxRelayMetrics>().IsLeader ? (first, second) : (second, first);
        await leader.DisposeAsync();
        var events = Enumerable.Range(0, 5).Select(i => OutboxWriter.Event(Balance, "w-1", i)).ToList();
        await OutboxWriter.WriteRowsAsync(database, events);
        await Eventually.True(() => standby.Get<OutboxRelayMetrics>().Published == 5, because: "the standby takes over");
    }

    private static async Task<List<OutboxEvent>> WriteKeyedAsync(NpgsqlDataSource database, int keys, int perKey)
    {
        var written = new List<OutboxEvent>();
        for (var sequence = 0; sequence < perKey; sequence++)
        {
            var events = Enumerable.Range(0, keys).Select(k => OutboxWriter.Event(sequence % 2 == 0 ? Balance : Confirmed, $"w-{k}", sequence)).ToList();
            if (sequence % 3 == 0) await OutboxWriter.WriteBatchAsync(database, events);
            else await OutboxWriter.WriteRowsAsync(database, events);
            written.AddRange(events);
        }
        return written;
    }

    // Every written event is stored exactly once (no loss, no duplicate), and per key in the order it was written.
    private static void AssertExactlyOnceInOrder(IReadOnlyList<OutboxEvent> written, List<StoredEvent> stored)
    {
        var missing = written.Select(e => e.EventId).Except(stored.Select(s => s.EventId)).ToList();
        var duplicated = stored.GroupBy(s => s.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(missing.Count == 0 && duplicated.Count == 0 && stored.Count == written.Count,
            $"{written.Count} written, {stored.Count} stored; missing {missing.Count} (first {missing.FirstOrDefault()}), duplicated {duplicated.Count}");
        Assert.All(stored, s => Assert.Equal(s.EventId, s.MsgId));
        foreach (var key in stored.GroupBy(s => s.Key))
        {
            var expected = written.Where(e => e.OrderingKey == key.Key).Select(e => e.EventId);
            Assert.Equal(expected, key.Select(s => s.EventId));
        }
    }
}
