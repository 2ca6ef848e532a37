using System.Text;
using System.Text.Json;
using Npgsql;

namespace Daarion.Events.Relay;

/// <summary>The relay's SQL: reading unpublished rows of both outbox tables, marking them, writing dead letters.</summary>
internal static class OutboxStore
{
    /// <summary>The consumer name dead letters of the relay carry.</summary>
    public const string RelayConsumer = "outbox-relay";

    // Both tables in ONE statement, hence one snapshot: two statements would each see the commits made up to their
    // own start, and a commit landing between them could show a later event of a key without its earlier one.
    // From outbox_events (source 0) the oldest rows; from outbox_batches (source 1) the oldest rows while the events
    // before them number fewer than the limit, so a page holds about twice the limit at most. The running sum reads
    // only ids and counts; the (large) events of the chosen batches are then fetched by primary key. Envelopes (json:
    // the writer's text) are read as UTF-8 bytes and published as they are. The ids of a page in flight are left out
    // with NOT IN over a subquery, which PostgreSQL hashes even in a prepared statement's generic plan (= ANY over a
    // parameter array would be searched linearly for every row).
    private const string ReadSql = """
        WITH head AS (
            SELECT id, sum(event_count) OVER (ORDER BY id) - event_count AS before
            FROM outbox_batches WHERE published_at IS NULL AND id NOT IN (SELECT unnest($3::bigint[])) ORDER BY id LIMIT $1)
        (SELECT 0 AS source, id, event_id, subject, envelope AS data FROM outbox_events
         WHERE published_at IS NULL AND id NOT IN (SELECT unnest($2::bigint[])) ORDER BY id LIMIT $1)
        UNION ALL
        (SELECT 1, id, NULL, NULL, events FROM outbox_batches WHERE id = ANY (ARRAY(SELECT id FROM head WHERE before < $1)))
        """;

    /// <summary>
    /// The oldest unpublished rows of both tables merged in id order (one sequence serves both, so this is commit order
    /// per ordering key). A table that filled its share of the page may hold more rows below the other's last id:
    /// the page stops at the lower of the two tables' last ids then, so no later round reads a row that belongs before.
    /// Rows of <paramref name="inFlight"/> (a page being published) are left out: reading ahead skips them.
    /// </summary>
    public static async Task<OutboxPage> ReadAsync(NpgsqlConnection connection, int maxEvents, OutboxPage? inFlight, CancellationToken cancellationToken)
    {
        var rows = new List<(OutboxTable Table, long Id, List<PendingEvent> Events)>();
        var skip = inFlight?.Rows ?? [];
        await using (var command = new NpgsqlCommand(ReadSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = maxEvents });
            command.Parameters.Add(new NpgsqlParameter { Value = IdsOf(skip, OutboxTable.Events) });
            command.Parameters.Add(new NpgsqlParameter { Value = IdsOf(skip, OutboxTable.Batches) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, data) = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(4));
                rows.Add(reader.GetInt32(0) == 0
                    ? (OutboxTable.Events, id, [new PendingEvent(reader.GetString(2), reader.GetString(3), data)])
                    : (OutboxTable.Batches, id, ReadBatch(data)));
            }
        }
        var cutoff = long.MaxValue;
        foreach (var table in rows.GroupBy(r => r.Table).Where(t => t.Sum(r => r.Events.Count) >= maxEvents))
            cutoff = Math.Min(cutoff, table.Max(r => r.Id));
        var page = new OutboxPage();
        foreach (var (table, id, events) in rows.Where(r => r.Id <= cutoff).OrderBy(r => r.Id))
        {
            page.Rows.Add(new OutboxRow(table, id, page.Events.Count, events.Count));
            page.Events.AddRange(events);
        }
        return page;
    }

    /// <summary>
    /// Marks the rows whose events are all settled, and stores the page's dead letters, in one transaction. A dead
    /// letter seen again (its row was not settled the first time) is stored once.
    /// </summary>
    public static async Task MarkAsync(NpgsqlConnection connection, OutboxPage page, RoundResult result, CancellationToken cancellationToken)
    {
        var settled = page.Rows.Where(row => Enumerable.Range(row.FirstEvent, row.EventCount).All(result.IsSettled)).ToList();
        var dead = Enumerable.Range(0, page.Events.Count).Where(i => result.Outcomes[i] == PublishOutcome.DeadLetter).ToList();
        if (settled.Count == 0 && dead.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("UPDATE outbox_events SET published_at = now() WHERE id = ANY($1)", IdsOf(settled, OutboxTable.Events)),
                Command("UPDATE outbox_batches SET published_at = now() WHERE id = ANY($1)", IdsOf(settled, OutboxTable.Batches)),
                Command(
                    "INSERT INTO event_dead_letters (consumer, event_id, subject, envelope, reason) " +
                    "SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING",
                    RelayConsumer,
                    dead.Select(i => page.Events[i].EventId).ToArray(),
                    dead.Select(i => page.Events[i].Subject).ToArray(),
                    dead.Select(i => Encoding.UTF8.GetString(page.Events[i].Envelope.Span)).ToArray(),
                    dead.Select(i => result.Reasons[i] ?? "").ToArray()),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Unpublished events in both tables, and how long the oldest has waited (zero when none).</summary>
    public static async Task<(long Backlog, TimeSpan OldestAge)> MeasureBacklogAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // The oldest row by id stands for the oldest by time: ids are taken in insertion order.
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL)
                 + (SELECT coalesce(sum(event_count), 0) FROM outbox_batches WHERE published_at IS NULL),
                   coalesce(extract(epoch FROM now() - least(
                       (SELECT created_at FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT 1),
                       (SELECT created_at FROM outbox_batches WHERE published_at IS NULL ORDER BY id LIMIT 1))), 0)::float8
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
    }

    private static long[] IdsOf(IEnumerable<OutboxRow> rows, OutboxTable table) => [.. rows.Where(r => r.Table == table).Select(r => r.Id)];

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    // A batch row: [{"event_id":…,"subject":…,"ordering_key":…,"envelope":{…}}, …]. The envelope is sliced from the
    // row's bytes, not copied or re-serialised.
    private static List<PendingEvent> ReadBatch(byte[] json)
    {
        var events = new List<PendingEvent>();
        var reader = new Utf8JsonReader(json);
        reader.Read(); // [
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? eventId = null, subject = null;
            var envelope = ReadOnlyMemory<byte>.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "event_id": eventId = reader.GetString(); break;
                    case "subject": subject = reader.GetString(); break;
                    case "envelope":
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        envelope = json.AsMemory(start, (int)reader.BytesConsumed - start);
                        break;
                    default: reader.Skip(); break;
                }
            }
            events.Add(new PendingEvent(
                eventId ?? throw new JsonException("An outbox batch element has no event_id."),
                subject ?? throw new JsonException($"Outbox batch element {eventId} has no subject."),
                envelope));
        }
        return events;
    }
}
