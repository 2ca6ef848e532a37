using Daarion.Silo.Events;
using Npgsql;
using NpgsqlTypes;

namespace Daarion.Testing;

/// <summary>
/// Writes outbox rows the way their writers do: one outbox_batches row per commit (grain storage, the ledger), or one
/// outbox_events row per event (seed 42 §7's table, for writers with plain SQL).
/// </summary>
public static class OutboxWriter
{
    /// <summary>An event whose payload names its ordering key and its place in that key's sequence.</summary>
    public static OutboxEvent Event(string type, string key, int sequence) => new()
    {
        Type = type,
        OrderingKey = key,
        Actor = EventActor.Service("tests"),
        Payload = new { key, sequence },
    };

    /// <summary>One outbox_events row per event, in one statement.</summary>
    public static async Task WriteRowsAsync(NpgsqlDataSource database, IReadOnlyList<OutboxEvent> events)
    {
        await using var connection = await database.OpenConnectionAsync();
        await WriteRowsAsync(connection, events);
    }

    /// <summary>As <see cref="WriteRowsAsync(NpgsqlDataSource, IReadOnlyList{OutboxEvent})"/>, in the connection's transaction if one is open.</summary>
    public static async Task WriteRowsAsync(NpgsqlConnection connection, IReadOnlyList<OutboxEvent> events)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox_events (event_id, subject, ordering_key, envelope) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[])", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Subject).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.OrderingKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.ToEnvelopeJson()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One outbox_batches row holding all the events (one commit of grain storage or the ledger).</summary>
    public static async Task WriteBatchAsync(NpgsqlDataSource database, IReadOnlyList<OutboxEvent> events)
    {
        await using var connection = await database.OpenConnectionAsync();
        await WriteBatchAsync(connection, events);
    }

    /// <summary>As <see cref="WriteBatchAsync(NpgsqlDataSource, IReadOnlyList{OutboxEvent})"/>, in the connection's transaction if one is open.</summary>
    public static async Task WriteBatchAsync(NpgsqlConnection connection, IReadOnlyList<OutboxEvent> events)
    {
        using var batch = new OutboxBatch();
        await using var command = new NpgsqlCommand(OutboxBatch.InsertSql, connection);
        batch.AddInsertParameters(command.Parameters, events);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of both tables the relay has not marked published.</summary>
    public static async Task<long> UnpublishedRowsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            "SELECT (SELECT count(*) FROM outbox_events WHERE published_at IS NULL) + (SELECT count(*) FROM outbox_batches WHERE published_at IS NULL)");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
