using Daarion.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Daarion.ApiHost.Tests;

public sealed class RetentionTests
{
    private const string Element = """[{"event_id":"evt_x","subject":"test.value.changed","ordering_key":null,"envelope":{}}]""";

    [Fact]
    public async Task OldRowsGo_RecentAndUnpublishedOnesStay()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?> { ["Retention:Interval"] = "00:00:00.200" });
        api.CreateClient(); // starts the host, which applies the migrations
        var database = api.Services.GetRequiredService<NpgsqlDataSource>();
        await ExecuteAsync(database, $$"""
            INSERT INTO outbox_batches (events, event_count, created_at, published_at) VALUES
                ('{{Element}}', 1, now() - interval '9 days', now() - interval '8 days'),
                ('{{Element}}', 1, now() - interval '2 days', now() - interval '1 day'),
                ('{{Element}}', 1, now() - interval '30 days', NULL);
            INSERT INTO outbox_events (event_id, subject, envelope, created_at, published_at) VALUES
                ('evt_old', 's', '{}', now() - interval '9 days', now() - interval '8 days'),
                ('evt_recent', 's', '{}', now() - interval '2 days', now() - interval '1 day'),
                ('evt_waiting', 's', '{}', now() - interval '30 days', NULL);
            INSERT INTO event_inbox (consumer, event_id, handled_at) VALUES
                ('c', 'evt_old', now() - interval '8 days'), ('c', 'evt_recent', now() - interval '1 day');
            INSERT INTO embassy_platforms (platform) VALUES ('retained');
            INSERT INTO embassy_webhooks (platform, webhook_id, route, body_sha256, payload, outcome, signed_at, received_at)
            SELECT 'retained', id, 'energy', sha256(id::bytea), '{}', '{}', at, at
            FROM (VALUES ('msg_old', now() - interval '31 days'), ('msg_recent', now() - interval '29 days')) AS w (id, at);
            INSERT INTO pdp_decisions (decision_id, decided_at, subject_kind, subject_id, action, resource_type, allowed, summary,
                                       reasons, context, policy_version, cached)
            SELECT id::uuid, at, 'user', name, 'wallet.read', 'wallet', true, 'allow', '[]', '{}', 1, false
            FROM (VALUES ('old-decision', '{{DecisionId(91)}}', now() - interval '91 days'),
                         ('recent-decision', '{{DecisionId(89)}}', now() - interval '89 days')) AS d (name, id, at);
            """);

        // A sweep may have begun before the rows were inserted and reached only some tables: wait for all of them.
        await Eventually.True(async () => await CountAsync(database, """
            SELECT (SELECT count(*) FROM pdp_decisions WHERE subject_id = 'old-decision')
                 + (SELECT count(*) FROM event_inbox WHERE event_id = 'evt_old')
                 + (SELECT count(*) FROM outbox_events WHERE event_id = 'evt_old')
                 + (SELECT count(*) FROM outbox_batches WHERE published_at < now() - interval '7 days')
                 + (SELECT count(*) FROM embassy_webhooks WHERE webhook_id = 'msg_old')
            """) == 0);

        Assert.Equal(["recent", "waiting"], await TextsAsync(database, """
            SELECT CASE WHEN published_at IS NULL THEN 'waiting' WHEN published_at < now() - interval '7 days' THEN 'old' ELSE 'recent' END
            FROM outbox_batches ORDER BY id
            """));
        Assert.Equal(["evt_recent", "evt_waiting"], await TextsAsync(database, "SELECT event_id FROM outbox_events ORDER BY event_id"));
        Assert.Equal(["evt_recent"], await TextsAsync(database, "SELECT event_id FROM event_inbox"));
        Assert.Equal(["msg_recent"], await TextsAsync(database, "SELECT webhook_id FROM embassy_webhooks WHERE platform = 'retained'"));
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM pdp_decisions WHERE subject_id = 'recent-decision'"));
        // Outside the retention function the decision log still refuses a DELETE.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, "DELETE FROM pdp_decisions WHERE subject_id = 'recent-decision'"));
        Assert.Equal("DA001", refused.SqlState);
    }

    // As the PDP makes them: a UUIDv7 of the decision's time.
    private static Guid DecisionId(int daysAgo) => Guid.CreateVersion7(DateTimeOffset.UtcNow.AddDays(-daysAgo));

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> TextsAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }
}
