using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Silo.Reminders;

/// <summary>Durable reminder schedules in <c>grain_reminders</c>.</summary>
internal sealed class ReminderRegistry(IServiceProvider services, IOptions<SiloOptions> options)
{
    private NpgsqlDataSource? _dataSource;

    internal NpgsqlDataSource DataSource => _dataSource ??= services.GetService<NpgsqlDataSource>()
        ?? throw new InvalidOperationException("Reminders need PostgreSQL: register an NpgsqlDataSource (DATABASE_URL).");

    internal bool HasDatabase => services.GetService<NpgsqlDataSource>() is not null;

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var minimum = options.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder period must be at least Silo:MinimumReminderPeriod ({minimum}).");
        }
        await using var command = DataSource.CreateCommand("""
            INSERT INTO grain_reminders (grain_type, grain_key, reminder_name, first_tick_at, next_tick_at, period_ms)
            VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', now() + $4 * interval '1 millisecond', $5)
            ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
            SET first_tick_at = excluded.first_tick_at, next_tick_at = excluded.next_tick_at, period_ms = excluded.period_ms
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)dueTime.TotalMilliseconds });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)period.TotalMilliseconds });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        await using var command = DataSource.CreateCommand(
            "DELETE FROM grain_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Claims the due ticks: moves each due reminder to its next slot after now (missed slots are skipped, as in
    /// Orleans) and returns the ticks to deliver. SKIP LOCKED lets several silos share the table.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            WITH due AS (
                SELECT grain_type, grain_key, reminder_name, next_tick_at
                FROM grain_reminders
                WHERE next_tick_at <= now()
                ORDER BY next_tick_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            UPDATE grain_reminders r
            SET next_tick_at = r.first_tick_at + r.period_ms * interval '1 millisecond'
                * (floor(extract(epoch FROM now() - r.first_tick_at) * 1000 / r.period_ms) + 1)
            FROM due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.reminder_name = due.reminder_name
            RETURNING r.grain_type, r.grain_key, r.reminder_name, r.first_tick_at, r.period_ms, due.next_tick_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var due = new List<DueReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueReminder(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new TickStatus(
                    reader.GetFieldValue<DateTimeOffset>(3),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                    reader.GetFieldValue<DateTimeOffset>(5))));
        }
        return due;
    }
}
