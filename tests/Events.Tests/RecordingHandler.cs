using System.Collections.Concurrent;
using Daarion.Events.Subscriptions;
using Npgsql;

namespace Daarion.Events.Tests;

/// <summary>
/// A handler that records each event it handles in the test database's handled_events, through the transaction it is
/// given (so a rolled-back attempt leaves no row), and can be told to fail.
/// </summary>
internal sealed class RecordingHandler : IEventHandler
{
    public const string CreateTable = "CREATE TABLE handled_events (id bigserial PRIMARY KEY, consumer text, event_id text, key text, sequence int)";

    /// <summary>Throws (after writing its row) while this returns true for the event and its attempt number (1, 2…).</summary>
    public Func<ConsumedEvent, int, bool> Fails { get; set; } = (_, _) => false;

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public async Task HandleAsync(ConsumedEvent consumedEvent, EventHandlerContext context, CancellationToken cancellationToken)
    {
        var attempt = Attempts.AddOrUpdate(consumedEvent.EventId, 1, (_, n) => n + 1);
        await using var command = new NpgsqlCommand(
            "INSERT INTO handled_events (consumer, event_id, key, sequence) VALUES ($1, $2, $3, $4)", context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = context.Consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = consumedEvent.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = consumedEvent.Payload.GetProperty("key").GetString()! });
        command.Parameters.Add(new NpgsqlParameter { Value = consumedEvent.Payload.GetProperty("sequence").GetInt32() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (Fails(consumedEvent, attempt))
            throw new InvalidOperationException($"told to fail on {consumedEvent.EventId}, attempt {attempt}");
    }

    /// <summary>The rows recorded for <paramref name="consumer"/>, in the order they were committed.</summary>
    public static async Task<List<(string EventId, string Key, int Sequence)>> HandledAsync(NpgsqlDataSource database, string consumer)
    {
        await using var command = database.CreateCommand("SELECT event_id, key, sequence FROM handled_events WHERE consumer = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        return rows;
    }
}
