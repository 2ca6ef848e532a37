using System.Text.Json;
using Npgsql;
using Xunit;

namespace Daarion.Testing;

/// <summary>
/// The event contract (seed 42 §6, §8): every event in a database's outbox (both tables) is the envelope of
/// docs/events/schemas/envelope.schema.json, its subject is its type, its domain the type's first segment, and its
/// payload is valid against the schema named after the type.
/// </summary>
public static class EventContract
{
    private static readonly string Schemas = Path.Combine(RepositoryRoot.Path, "docs", "events", "schemas");

    /// <summary>Checks every event written so far and returns them (subject, envelope), in outbox order.</summary>
    public static async Task<IReadOnlyList<(string Subject, JsonElement Envelope)>> AssertOutboxValidAsync(string connectionString)
    {
        var events = await OutboxEventsAsync(connectionString);
        var envelope = JsonSchema.Load(Path.Combine(Schemas, "envelope.schema.json"));
        foreach (var (subject, e) in events)
        {
            var type = e.GetProperty("type").GetString()!;
            var envelopeErrors = envelope.Validate(e);
            Assert.True(envelopeErrors.Count == 0, $"{type} envelope: {string.Join("; ", envelopeErrors)}\n{e}");
            Assert.Equal(type, subject);
            Assert.Equal(type.Split('.')[0], e.GetProperty("domain").GetString());
            var schema = Path.Combine(Schemas, type + ".schema.json");
            Assert.True(File.Exists(schema), $"{type} has no schema in docs/events/schemas");
            var errors = JsonSchema.Load(schema).Validate(e.GetProperty("payload"));
            Assert.True(errors.Count == 0, $"{type}: {string.Join("; ", errors)}\n{e}");
        }
        return events;
    }

    // Both outbox tables: rows of outbox_events, and the elements of each outbox_batches row.
    private static async Task<List<(string Subject, JsonElement Envelope)>> OutboxEventsAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT subject, envelope::text FROM outbox_event_log");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, JsonElement)>();
        while (await reader.ReadAsync()) events.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        return events;
    }
}
