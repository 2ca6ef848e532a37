using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Daarion.Hosting;

/// <summary>
/// A private PostgreSQL server run as a child process on 127.0.0.1 with trust authentication, for ./run and tests.
/// Not thread-safe: start, stop and restart it from one place.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const int PortAttempts = 5;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgresServerOptions _options;
    private readonly string _binDirectory;
    [UnsupportedOSPlatformGuard("windows")] // set only where geteuid exists
    private readonly bool _asPostgresUser;
    private readonly string _parentDirectory;
    private readonly string _logPath;
    private readonly ILogger _logger;
    private ServerProcess? _process;
    private WritebackPacer? _writeback;

    private PostgresServer(PostgresServerOptions options, string binDirectory, ILogger logger)
    {
        _options = options;
        _binDirectory = binDirectory;
        _logger = logger;
        // initdb and postgres refuse to run as root; as root we hand the data directory to the postgres user.
        _asPostgresUser = LibC.IsRoot;
        DataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
        _parentDirectory = Path.GetDirectoryName(DataDirectory)
            ?? throw new ArgumentException("The data directory cannot be the file system root.", nameof(options));
        // Beside the data directory: initdb wants an empty directory, and the log outlives a wiped cluster.
        _logPath = Path.Combine(_parentDirectory, Path.GetFileName(DataDirectory) + ".log");
        Port = options.Port == 0 ? FreePort.Next() : options.Port;
    }

    public int Port { get; private set; }

    public string DataDirectory { get; }

    /// <summary>Npgsql connection string to the options' database as the options' user.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    public static async Task<PostgresServer> StartAsync(
        PostgresServerOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = new PostgresServer(options, await FindBinDirectoryAsync(), logger ?? NullLogger.Instance);
        try
        {
            await server.InitializeIfNewAsync(ct);
            await server.LaunchAsync(mayChangePort: options.Port == 0, ct);
            await server.EnsureDatabaseAsync(ct);
            return server;
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    /// <summary>Creates a new empty database (for test isolation) and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionStringFor(name);
    }

    /// <summary>Fast shutdown (SIGINT), waiting for the exit; does nothing when already stopped.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        StopWriteback();
        Log.ServerStopping(_logger, "PostgreSQL", Port);
        if (!await process.StopAsync(LibC.SigInt, StopTimeout))
            Log.StopTimedOut(_logger, "PostgreSQL", Port, StopTimeout);
        process.Dispose();
        ForgetPooledConnections();
    }

    /// <summary>SIGKILL, as in a crash: no checkpoint, postmaster.pid left behind.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        StopWriteback();
        Log.ServerKilled(_logger, "PostgreSQL", Port);
        await process.KillAsync();
        process.Dispose();
        ForgetPooledConnections();
    }

    /// <summary>Stops (if running) and starts again on the same port and data directory.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopAsync();
        await LaunchAsync(mayChangePort: false, ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> FindBinDirectoryAsync()
    {
        // pg_config names the installed server's binaries; Debian keeps versions side by side, so fall back to the
        // highest /usr/lib/postgresql/<version>/bin (pg_config may come from libpq-dev without a server).
        var candidates = new List<string>();
        try
        {
            using var pgConfig = await ChildProcessLauncher.Shared.StartAsync(
                new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false });
            candidates.Add((await pgConfig.StandardOutput.ReadToEndAsync()).Trim());
            await pgConfig.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on PATH.
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.EnumerateDirectories("/usr/lib/postgresql")
                .OrderByDescending(path => decimal.TryParse(Path.GetFileName(path), CultureInfo.InvariantCulture, out var version) ? version : 0)
                .Select(path => Path.Combine(path, "bin")));
        }
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin): install the postgresql package.");
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Pooled connections to a stopped server are dead; without this the first command after a restart fails.
    private static void ForgetPooledConnections() => NpgsqlConnection.ClearAllPools();

    private void StopWriteback()
    {
        _writeback?.Dispose();
        _writeback = null;
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = _options.User,
        Database = database,
    }.ConnectionString;

    // The always-present "postgres" database, unpooled: these rare admin connections should not linger idle.
    private string MaintenanceConnectionString(int timeoutSeconds = 15) =>
        new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false, Timeout = timeoutSeconds }.ConnectionString;

    private async Task InitializeIfNewAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_parentDirectory);
        if (_asPostgresUser)
            MakeReachableByPostgresUser(_parentDirectory);
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            return;

        Log.PostgresInitializing(_logger, DataDirectory);
        Directory.CreateDirectory(DataDirectory); // initdb narrows it to 0700
        if (_asPostgresUser)
            await ServerProcess.RunAsync(Command("chown", ["-R", "postgres:postgres", DataDirectory], asPostgresUser: false), _logPath, ct);
        await ServerProcess.RunAsync(
            Command(Path.Combine(_binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", _options.User, "--auth=trust", "-E", "UTF8", "--no-locale"]),
            _logPath, ct);
    }

    // Temporary directories are private to root (0700); the postgres user needs to pass through every ancestor.
    [UnsupportedOSPlatform("windows")]
    private void MakeReachableByPostgresUser(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
                continue;
            dir.UnixFileMode |= UnixFileMode.OtherExecute;
            Log.DirectoryMadeTraversable(_logger, dir.FullName);
        }
    }

    private async Task LaunchAsync(bool mayChangePort, CancellationToken ct)
    {
        await PostmasterLeftovers.ClearAsync(DataDirectory, _logger, ct);
        for (var attempt = 1; ; attempt++)
        {
            Log.ServerStarting(_logger, "PostgreSQL", Port, DataDirectory);
            var process = await ServerProcess.StartAsync(
                Command(Path.Combine(_binDirectory, "postgres"),
                [
                    "-D", DataDirectory,
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", $"port={Port}",
                    "-c", $"unix_socket_directories={DataDirectory}",
                    "-c", "max_connections=200",
                    "-c", "shared_buffers=256MB",
                    // Durability is part of what the benchmarks measure: never trade it for speed here.
                    "-c", "fsync=on",
                ]),
                _logPath);
            _process = process;
            if (await WaitUntilReadyAsync(process, ct))
            {
                Log.ServerReady(_logger, "PostgreSQL", Port);
                _writeback = WritebackPacer.Start(DataDirectory, _logger);
                return;
            }

            _process = null;
            await process.WaitForExitAsync(ct); // the whole output is in the tail only once the pipes are drained
            var (exitCode, tail) = (process.ExitCode, process.Tail);
            process.Dispose();
            // FreePort releases its port before postgres binds it; someone may take it in between.
            if (mayChangePort && attempt < PortAttempts && tail.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Log.PortTaken(_logger, "PostgreSQL", Port);
                Port = FreePort.Next();
                continue;
            }
            throw new InvalidOperationException(
                $"PostgreSQL ({DataDirectory}) exited with code {exitCode} while starting. Log ({_logPath}):\n{tail}");
        }
    }

    // True once a connection succeeds; false if the server exited first.
    private async Task<bool> WaitUntilReadyAsync(ServerProcess process, CancellationToken ct)
    {
        // A short connect timeout: if something else holds a fixed port, its silence must not stall the start.
        var probe = MaintenanceConnectionString(timeoutSeconds: 2);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                return false;
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct);
                return true;
            }
            catch (NpgsqlException) when (clock.Elapsed < ReadyTimeout)
            {
                await Task.Delay(100, ct);
            }
            catch (NpgsqlException e)
            {
                throw new TimeoutException(
                    $"PostgreSQL ({DataDirectory}) did not accept connections on port {Port} within {ReadyTimeout.TotalSeconds} s. " +
                    $"Log ({_logPath}):\n{process.Tail}", e);
            }
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString());
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = _options.Database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
            await CreateDatabaseAsync(_options.Database, ct);
    }

    private ProcessStartInfo Command(string fileName, IEnumerable<string> arguments, bool? asPostgresUser = null) =>
        ServerCommand.Create(fileName, arguments, "INT", asPostgresUser ?? _asPostgresUser, _parentDirectory);
}
