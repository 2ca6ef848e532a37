using System.Text.Json;
using Daarion.Silo.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Daarion.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL (<c>grain_state</c>, primary key (grain_type, grain_key), version as ETag). A commit
/// writes states, their outbox events (one <c>outbox_batches</c> row) and extra statements as one batch, which
/// Npgsql runs as one implicit transaction: all of it or none.
/// </summary>
internal sealed class GrainStorage
{
    /// <summary>The payload of a cleared state.</summary>
    public const string EmptyPayload = "null";

    private const string StaleVersionSqlState = "DA409";

    private readonly IServiceProvider _services;
    private readonly GroupCommitter? _groupCommitter;
    private readonly OutboxBatchPool _outboxBatches = new();
    private NpgsqlDataSource? _dataSource;

    public GrainStorage(IServiceProvider services, IOptions<SiloOptions> options)
    {
        _services = services;
        var storageOptions = options.Value.Storage;
        if (storageOptions.GroupCommit) _groupCommitter = new GroupCommitter(this, storageOptions);
    }

    public StorageMetrics Metrics { get; } = new();

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new DecimalStringConverter() },
    };

    // Resolved on first use so silos with only in-memory grains need no database.
    private NpgsqlDataSource DataSource => _dataSource ??= _services.GetService<NpgsqlDataSource>()
        ?? throw new InvalidOperationException("Grain state needs PostgreSQL: register an NpgsqlDataSource (DATABASE_URL).");

    public string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, Json);

    public TState? Deserialize<TState>(string payload) => JsonSerializer.Deserialize<TState>(payload, Json);

    public async Task<StoredState> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT payload::text, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return new StoredState(null, 0);
        var payload = reader.GetString(0);
        return new StoredState(payload == EmptyPayload ? null : payload, reader.GetInt64(1));
    }

    /// <summary>Commits one write (grouped with others when group commit is on) and returns the new version.</summary>
    public async Task<long> WriteAsync(StateWrite write)
    {
        if (_groupCommitter is not null) await _groupCommitter.Submit(write).ConfigureAwait(false);
        else await CommitAloneAsync(write).ConfigureAwait(false);
        return write.ExpectedVersion + 1;
    }

    /// <summary>Commits a group; if the database refused it, commits each write alone so only the offender fails.</summary>
    internal async Task CommitGroupAsync(IReadOnlyList<PendingWrite> group)
    {
        if (group.Count > 1)
        {
            try
            {
                await ExecuteAsync(group.Select(p => p.Write).ToList()).ConfigureAwait(false);
                foreach (var pending in group) pending.Completion.TrySetResult();
                return;
            }
            catch (PostgresException)
            {
                // Rolled back for certain: retry each write alone below to isolate the offender.
            }
            catch (Exception e)
            {
                // Connection lost mid-commit: the outcome is unknown to every writer, whose activations re-read.
                foreach (var pending in group) pending.Completion.TrySetException(e);
                return;
            }
        }

        foreach (var pending in group)
        {
            try
            {
                await CommitAloneAsync(pending.Write).ConfigureAwait(false);
                pending.Completion.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Completion.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync(StateWrite write)
    {
        try
        {
            await ExecuteAsync([write]).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == StaleVersionSqlState)
        {
            throw new InconsistentStateException(write.GrainId, write.ExpectedVersion, e);
        }
    }

    private async Task ExecuteAsync(IReadOnlyList<StateWrite> writes)
    {
        await using var connection = await DataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(WriteStatesCommand(writes));
        var events = writes.SelectMany(w => w.Events).ToList();
        var outbox = events.Count > 0 ? _outboxBatches.Rent() : null;
        try
        {
            if (outbox is not null) batch.BatchCommands.Add(InsertEventsCommand(outbox, events));
            foreach (var statement in writes.SelectMany(w => w.Statements)) batch.BatchCommands.Add(ToCommand(statement));
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            Metrics.RecordCommit(writes.Count, events.Count);
        }
        catch
        {
            Metrics.RecordFailedCommit();
            throw;
        }
        finally
        {
            if (outbox is not null) _outboxBatches.Return(outbox);
        }
    }

    private static NpgsqlBatchCommand WriteStatesCommand(IReadOnlyList<StateWrite> writes)
    {
        var command = new NpgsqlBatchCommand("SELECT silo_write_states($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(w => w.GrainId.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(w => w.GrainId.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(w => w.ExpectedVersion).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = writes.Select(w => w.Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return command;
    }

    private static NpgsqlBatchCommand InsertEventsCommand(OutboxBatch outbox, List<OutboxEvent> events)
    {
        // The commit's events, of all its grains, as one outbox_batches row: the array keeps the order they were
        // emitted in, which is the relay's publishing order.
        var command = new NpgsqlBatchCommand(OutboxBatch.InsertSql);
        outbox.AddInsertParameters(command.Parameters, events);
        return command;
    }

    private static NpgsqlBatchCommand ToCommand(SqlStatement statement)
    {
        var command = new NpgsqlBatchCommand(statement.CommandText);
        foreach (var value in statement.Parameters) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
