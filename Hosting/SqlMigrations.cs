using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Daarion.Hosting;

/// <summary>Applies the repository's sql/*.sql files (embedded in this assembly) once each, in Id order.</summary>
public static class SqlMigrations
{
    // Any fixed key works as long as every host uses the same one; this is "daarion" in ASCII.
    private const long AdvisoryLockKey = 0x64_61_61_72_69_6F_6E;
    private const string ResourcePrefix = "sql/";
    private const string ResourceSuffix = ".sql";

    private static readonly Lazy<IReadOnlyList<SqlMigration>> EmbeddedMigrations = new(ReadEmbedded);

    /// <summary>The migrations embedded from sql/*.sql, ordered by Id (ordinal).</summary>
    public static IReadOnlyList<SqlMigration> Embedded => EmbeddedMigrations.Value;

    /// <summary>
    /// Applies the migrations not yet recorded in schema_migrations, each in its own transaction with its record;
    /// returns the ids applied by this call. Throws if an applied migration's text changed since.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        string connectionString, IReadOnlyList<SqlMigration>? migrations = null, ILogger? logger = null, CancellationToken ct = default)
    {
        logger ??= NullLogger.Instance;
        var ordered = (migrations ?? Embedded).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var applied = await ReadAppliedAsync(connection, ct);
        foreach (var migration in ordered)
        {
            if (applied.TryGetValue(migration.Id, out var checksum))
                EnsureUnchanged(migration, checksum);
        }

        var appliedNow = new List<string>();
        foreach (var migration in ordered.Where(m => !applied.ContainsKey(m.Id)))
        {
            if (await ApplyOneAsync(connection, migration, ct))
            {
                appliedNow.Add(migration.Id);
                Log.MigrationApplied(logger, migration.Id);
            }
        }
        Log.MigrationsDone(logger, appliedNow.Count, ordered.Count);
        return appliedNow;
    }

    private static List<SqlMigration> ReadEmbedded()
    {
        var assembly = typeof(SqlMigrations).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
                .Select(name => new SqlMigration(name[ResourcePrefix.Length..^ResourceSuffix.Length], ReadResource(assembly, name)))
                .OrderBy(m => m.Id, StringComparer.Ordinal),
        ];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    // The advisory lock serialises hosts that start together; a transaction-level lock cannot leak past COMMIT.
    private static async Task<NpgsqlTransaction> BeginLockedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction)
        {
            Parameters = { new() { Value = AdvisoryLockKey } },
        };
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var transaction = await BeginLockedAsync(connection, ct);
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                applied.Add(reader.GetString(0), reader.GetString(1));
        }
        await transaction.CommitAsync(ct);
        return applied;
    }

    // False when another host applied it between our read and our lock.
    private static async Task<bool> ApplyOneAsync(NpgsqlConnection connection, SqlMigration migration, CancellationToken ct)
    {
        await using var transaction = await BeginLockedAsync(connection, ct);
        await using (var recorded = new NpgsqlCommand("SELECT checksum FROM schema_migrations WHERE id = $1", connection, transaction)
        {
            Parameters = { new() { Value = migration.Id } },
        })
        {
            if (await recorded.ExecuteScalarAsync(ct) is string checksum)
            {
                EnsureUnchanged(migration, checksum);
                return false;
            }
        }

        try
        {
            await using var script = new NpgsqlCommand(migration.Sql, connection, transaction);
            await script.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            // Disposing the transaction rolls back: nothing of the migration stays, and it is not recorded.
            throw new InvalidOperationException($"Migration '{migration.Id}' failed: {e.Message}", e);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", connection, transaction)
        {
            Parameters = { new() { Value = migration.Id }, new() { Value = migration.Checksum } },
        })
        {
            await record.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private static void EnsureUnchanged(SqlMigration migration, string appliedChecksum)
    {
        if (!string.Equals(appliedChecksum, migration.Checksum, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"Migration '{migration.Id}' was edited after it was applied (applied checksum {appliedChecksum}, file checksum {migration.Checksum}). " +
                "Add a new migration instead of changing an applied one.");
    }
}
