using System.Buffers;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Daarion.Silo.Events;

/// <summary>
/// Many events in one outbox row (<c>outbox_batches.events</c>): a JSON array of
/// <c>{event_id, subject, ordering_key, envelope}</c> in publishing order. Grain storage and the ledger write one such
/// row per commit instead of one row per event (a heap row and three index entries each, inserted and then rewritten
/// when published); the relay publishes each element as it would a row of <c>outbox_events</c>.
/// </summary>
public sealed class OutboxBatch : IDisposable
{
    // Reused across commits: a batch of a few hundred events is tens of kilobytes, which as a fresh string or array
    // each time would land on the large object heap and keep the background GC busy.
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public OutboxBatch() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    /// <summary>Writes one <c>outbox_batches</c> row; <see cref="AddInsertParameters"/> supplies its parameters.</summary>
    // UTF-8 bytes go as bytea and become json in the database: no intermediate string on either side.
    public const string InsertSql = "INSERT INTO outbox_batches (events, event_count) VALUES (convert_from($1, 'UTF8')::json, $2)";

    /// <summary>The parameters of <see cref="InsertSql"/> for these events; valid until the next call.</summary>
    public void AddInsertParameters(NpgsqlParameterCollection parameters, IReadOnlyCollection<OutboxEvent> events)
    {
        parameters.Add(new NpgsqlParameter { Value = Write(events), NpgsqlDbType = NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter { Value = events.Count });
    }

    private ReadOnlyMemory<byte> Write(IEnumerable<OutboxEvent> events)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        foreach (var e in events)
        {
            _writer.WriteStartObject();
            _writer.WriteString("event_id", e.EventId);
            _writer.WriteString("subject", e.Subject);
            if (e.OrderingKey is null) _writer.WriteNull("ordering_key");
            else _writer.WriteString("ordering_key", e.OrderingKey);
            _writer.WritePropertyName("envelope");
            EventEnvelope.Write(_writer, e);
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
