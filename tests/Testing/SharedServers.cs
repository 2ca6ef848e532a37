using Daarion.Hosting;
using Npgsql;

namespace Daarion.Testing;

/// <summary>
/// One real PostgreSQL and one real nats-server per test run, started on first use by the host's own launcher and
/// stopped when the test process exits. Each test takes a fresh database, so tests run in parallel unaware of each other.
/// </summary>
public static class SharedServers
{
    private static readonly Lazy<Task<PostgresServer>> Postgres = new(() => StartAsync(
        directory => PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = Path.Combine(directory, "pg") }),
        server => server.StopAsync()));

    private static readonly Lazy<Task<NatsServer>> Nats = new(() => StartAsync(
        directory => NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = Path.Combine(directory, "nats") }),
        server => server.StopAsync()));

    // Migrated once; each test's database is a copy of it, which takes milliseconds instead of a migration run.
    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync);

    private static readonly SemaphoreSlim CopyOneAtATime = new(1);

    private static int _databases;

    /// <summary>A new empty database on the shared server; with <paramref name="migrate"/>, the sql/ migrations applied.</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrate = true)
    {
        var server = await Postgres.Value;
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        if (!migrate) return ClosingIdleConnections(await server.CreateDatabaseAsync(name));

        var template = await MigratedTemplate.Value;
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await CopyOneAtATime.WaitAsync();
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            CopyOneAtATime.Release();
        }
        return ClosingIdleConnections(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString);
    }

    // Every test database has pools of its own (Npgsql pools per connection string), which keep idle connections for
    // five minutes by default: over a run of hundreds of tests, finished tests' connections would exhaust the
    // server's max_connections. Closed after a few idle seconds instead, only running tests hold connections.
    private static string ClosingIdleConnections(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ConnectionIdleLifetime = 3, ConnectionPruningInterval = 1 }.ConnectionString;

    public static async Task<string> NatsUrlAsync() => (await Nats.Value).Url;

    private static async Task<string> CreateMigratedTemplateAsync()
    {
        const string name = "test_template_migrated";
        var connectionString = await (await Postgres.Value).CreateDatabaseAsync(name);
        // No pooled connection may stay open on a template, or copying it fails.
        await SqlMigrations.ApplyAsync(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        return name;
    }

    private const string DirectoryPrefix = "daarion-shared-";

    private static async Task<T> StartAsync<T>(Func<string, Task<T>> start, Func<T, Task> stop)
    {
        RemoveLeftoversOfDeadRuns();
        var directory = Directory.CreateTempSubdirectory($"{DirectoryPrefix}{Environment.ProcessId}-");
        var server = await start(directory.FullName);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            stop(server).GetAwaiter().GetResult();
            directory.Delete(recursive: true);
        };
        return server;
    }

    // The directories are deleted at exit, but a killed test run (a timeout, Ctrl-C twice) leaves its servers' data,
    // about 2 GB after a full run, and enough of them fill the disk. A directory names the process that made it; one
    // whose process is gone is deleted by the next run. Several test processes run at once, so live ones are kept.
    private static void RemoveLeftoversOfDeadRuns()
    {
        foreach (var leftover in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(DirectoryPrefix + "*"))
        {
            var owner = leftover.Name[DirectoryPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var pid) || IsRunning(pid)) continue;
            try
            {
                leftover.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is deleting it too, or a file is still held: the next run tries again.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
