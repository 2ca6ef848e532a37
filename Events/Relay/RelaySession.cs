using Npgsql;

namespace Daarion.Events.Relay;

/// <summary>
/// The relay's own PostgreSQL connection: it LISTENs for the outbox triggers' notifications and holds the session
/// advisory lock that makes one host the relay. Closing it (or losing it) releases both.
/// </summary>
internal sealed class RelaySession : IAsyncDisposable
{
    // "outbox" in ASCII; any fixed key works as long as every host uses the same one.
    private const long LeaderLockKey = 0x6F_75_74_62_6F_78;
    private const string Channel = "outbox";

    private volatile bool _notified;

    private RelaySession(NpgsqlConnection connection)
    {
        Connection = connection;
        connection.Notification += (_, _) => _notified = true;
    }

    public NpgsqlConnection Connection { get; }

    public static async Task<RelaySession> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Marking rows published need not wait for the disk: a mark lost in a crash only makes the relay publish those
        // events again, and the streams drop them as duplicates.
        await using var asynchronous = new NpgsqlCommand("SET synchronous_commit = off", connection);
        await asynchronous.ExecuteNonQueryAsync(cancellationToken);
        return new RelaySession(connection);
    }

    /// <summary>Takes the relay's lock if no other host holds it, and starts listening once it does.</summary>
    public async Task<bool> TryLeadAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", Connection) { Parameters = { new() { Value = LeaderLockKey } } };
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            return false;
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", Connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Forgets notifications received so far: the read about to start will see their rows.</summary>
    public void ClearNotified() => _notified = false;

    /// <summary>Returns at once if rows were notified since <see cref="ClearNotified"/>; otherwise waits for a notification or the timeout.</summary>
    public async Task WaitForRowsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_notified)
            await Connection.WaitAsync(timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // The connection goes back to Npgsql's pool: drop the lock, the LISTEN and the setting first. If it is broken, the server
        // already released both with the session, and the pool discards it.
        try
        {
            await using var reset = new NpgsqlBatch(Connection)
            {
                BatchCommands = { new("UNLISTEN *"), new("SELECT pg_advisory_unlock_all()"), new("RESET synchronous_commit") },
            };
            await reset.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // Broken connection: nothing is held any more.
        }
        await Connection.DisposeAsync();
    }
}
