using System.Text.Json;
using Daarion.Silo.Storage;
using Daarion.Silo.Tests.TestGrains;
using Daarion.Testing;
using static Daarion.Silo.Tests.StateTests;

namespace Daarion.Silo.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task StateAndEvents_CommitTogether_WithTheSeed42Envelope()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);

        await silo.Grains.GetGrain<IPersistentGrain>("e1").Add(250, ["test.value.changed", "test.value.audited"], []);

        Assert.Equal(250, await Scalar<int>(database, "SELECT (payload->>'value')::int FROM grain_state WHERE grain_key = 'e1'"));
        var envelope = JsonDocument.Parse(await Scalar<string>(database, "SELECT envelope::text FROM outbox_event_log ORDER BY id, position LIMIT 1")).RootElement;
        Assert.Equal(
            ["actor", "domain", "event_id", "meta", "payload", "ts", "type", "version"],
            envelope.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("evt_", envelope.GetProperty("event_id").GetString());
        Assert.Equal("test", envelope.GetProperty("domain").GetString());
        Assert.Equal("test.value.changed", envelope.GetProperty("type").GetString());
        Assert.Equal(1, envelope.GetProperty("version").GetInt32());
        Assert.Equal("silo-tests", envelope.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("service", envelope.GetProperty("actor").GetProperty("kind").GetString());
        Assert.Equal("t_test", envelope.GetProperty("meta").GetProperty("team_id").GetString());
        Assert.Equal("2.5", envelope.GetProperty("payload").GetProperty("amount").GetString());
        Assert.True(DateTimeOffset.TryParse(envelope.GetProperty("ts").GetString(), out _));
        Assert.Equal("test.value.changed,test.value.audited",
            await Scalar<string>(database, "SELECT string_agg(subject, ',' ORDER BY id, position) FROM outbox_event_log WHERE ordering_key = 'e1'"));
    }

    [Fact]
    public async Task WhenTheEventsFail_TheStateIsNotWritten()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);
        var grain = silo.Grains.GetGrain<IPersistentGrain>("e2");
        await grain.Add(1, ["test.value.changed"], []);
        // Make the next outbox insert fail inside the commit.
        await Execute(database, "ALTER TABLE outbox_batches ADD CONSTRAINT no_more CHECK (events::text NOT LIKE '%test.value.refused%')");

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Add(1, ["test.value.refused"], []));

        Assert.Equal(1, await Scalar<int>(database, "SELECT (payload->>'value')::int FROM grain_state WHERE grain_key = 'e2'"));
        Assert.Equal(1L, await Scalar<long>(database, "SELECT version FROM grain_state WHERE grain_key = 'e2'"));
        Assert.Equal(1L, await Scalar<long>(database, "SELECT count(*) FROM outbox_event_log"));
        Assert.Equal(1, await grain.GetValue());
    }

    [Fact]
    public async Task WhenTheStateWriteFails_NoEventsOrStatementsAreWritten()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);
        await Execute(database, "CREATE TABLE side_effects (note text)");
        var grain = silo.Grains.GetGrain<IPersistentGrain>("e3");
        await grain.Add(1, [], []);
        await Execute(database, "UPDATE grain_state SET version = 7 WHERE grain_key = 'e3'");

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            grain.Add(1, ["test.value.changed"], [new SqlStatement("INSERT INTO side_effects VALUES ($1)", "should not exist")]));

        Assert.Equal(0L, await Scalar<long>(database, "SELECT count(*) FROM outbox_event_log"));
        Assert.Equal(0L, await Scalar<long>(database, "SELECT count(*) FROM side_effects"));
    }

    [Fact]
    public async Task Statements_CommitWithTheState()
    {
        var database = await SharedServers.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(database);
        await Execute(database, "CREATE TABLE side_effects (note text, amount numeric)");

        await silo.Grains.GetGrain<IPersistentGrain>("e4").Add(3, [], [new SqlStatement("INSERT INTO side_effects VALUES ($1, $2)", "landed", 12.34m)]);

        Assert.Equal("landed", await Scalar<string>(database, "SELECT note FROM side_effects"));
        Assert.Equal(12.34m, await Scalar<decimal>(database, "SELECT amount FROM side_effects"));
    }
}
