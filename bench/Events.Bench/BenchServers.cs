using System.Globalization;
using System.Text.RegularExpressions;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Hosting;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Events.Bench;

/// <summary>
/// A private PostgreSQL and nats-server (the launcher ./run uses), and the API host in its own process on a fresh
/// migrated database, as a deployment runs it: the relay inside the host, the load and the consumer in this process.
/// </summary>
public sealed partial class BenchServers : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly LocalInfrastructure _servers;
    private int _databases;

    private BenchServers(DirectoryInfo directory, LocalInfrastructure servers)
    {
        _directory = directory;
        _servers = servers;
    }

    public string NatsUrl => _servers.Nats!.Url;

    /// <summary>Measures the CPU of <paramref name="host"/> and of this run's servers.</summary>
    public CpuMeter CpuOf(ApiHostProcess host) => new(host.ProcessId, _directory.FullName);

    public static async Task<BenchServers> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("daarion-events-bench-");
        return new BenchServers(directory, await LocalInfrastructure.StartAsync(directory.FullName, startPostgres: true, startNats: true));
    }

    /// <summary>A fresh database with the sql/ migrations applied.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var connectionString = await _servers.Postgres!.CreateDatabaseAsync($"events_bench_{Interlocked.Increment(ref _databases)}");
        await SqlMigrations.ApplyAsync(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The API host on <paramref name="database"/>; its relay starts at once.</summary>
    public Task<ApiHostProcess> StartHostAsync(NpgsqlDataSource database) => ApiHostProcess.StartAsync(RepositoryRoot.Path, new Dictionary<string, string>
    {
        ["DATABASE_URL"] = database.ConnectionString,
        ["NATS_URL"] = NatsUrl,
        ["JWT_SECRET"] = "events-bench-secret-of-at-least-32-bytes",
        ["SECRETS_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    });

    public static async Task<long> PublishedAsync(ApiHostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        var text = await http.GetStringAsync("/metrics");
        return long.Parse(PublishedCounter().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public async Task<ulong> StoredAsync(string stream)
    {
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = NatsUrl });
        return (await new JetStreamContext(connection).GetStreamInfoAsync(stream)).State.Messages;
    }

    // Printed with the figures so that nobody reads a number measured without durability.
    public async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(_servers.Postgres!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version') || ' fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')",
            connection);
        return $"{await command.ExecuteScalarAsync()}, nats-server file storage";
    }

    public async ValueTask DisposeAsync()
    {
        await _servers.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [GeneratedRegex(@"^outbox_relay_published_total (\d+)$", RegexOptions.Multiline)]
    private static partial Regex PublishedCounter();
}
