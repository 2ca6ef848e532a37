using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Daarion.Hosting;

/// <summary>
/// A private nats-server with JetStream run as a child process on 127.0.0.1, for ./run and tests.
/// Not thread-safe: start, stop and restart it from one place.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    private const int PortAttempts = 5;
    private const int SigCont = 18;
    private const int SigStop = 19;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    // Loopback only: never through an http_proxy from the environment.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };

    private readonly NatsServerOptions _options;
    private readonly string _executable;
    private readonly string _storeDirectory;
    private readonly string _logPath;
    private readonly ILogger _logger;
    private ServerProcess? _process;

    private NatsServer(NatsServerOptions options, string executable, ILogger logger)
    {
        _options = options;
        _executable = executable;
        _logger = logger;
        _storeDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.StoreDirectory));
        _logPath = _storeDirectory + ".log";
        Port = options.Port == 0 ? FreePort.Next() : options.Port;
        MonitorPort = options.MonitorPort == 0 ? FreePort.Next() : options.MonitorPort;
    }

    public int Port { get; private set; }

    public int MonitorPort { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public static async Task<NatsServer> StartAsync(NatsServerOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = new NatsServer(options, FindExecutable(), logger ?? NullLogger.Instance);
        Directory.CreateDirectory(server._storeDirectory);
        try
        {
            await server.LaunchAsync(mayChangePorts: options.Port == 0 || options.MonitorPort == 0, ct);
            return server;
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    /// <summary>Graceful shutdown (SIGTERM), waiting for the exit; does nothing when already stopped.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        Log.ServerStopping(_logger, "nats-server", Port);
        LibC.Kill(process.Id, SigCont); // a paused server would not see the SIGTERM
        if (!await process.StopAsync(LibC.SigTerm, StopTimeout))
            Log.StopTimedOut(_logger, "nats-server", Port, StopTimeout);
        process.Dispose();
    }

    /// <summary>SIGKILL, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
            return;
        _process = null;
        Log.ServerKilled(_logger, "nats-server", Port);
        await process.KillAsync();
        process.Dispose();
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung host or a network
    /// partition. Returns once every thread of the server has stopped. <see cref="Resume"/> undoes it; stopping a
    /// paused server resumes it first.
    /// </summary>
    public void Pause()
    {
        Signal(SigStop);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!ProcFs.IsStopped(_process!.Id) && DateTime.UtcNow < deadline) Thread.Sleep(1);
    }

    public void Resume() => Signal(SigCont);

    /// <summary>Stops (if running) and starts again on the same ports and store directory.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopAsync();
        await LaunchAsync(mayChangePorts: false, ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Signal(int signal)
    {
        if (_process is not { } process)
            throw new InvalidOperationException("nats-server is not running.");
        LibC.Kill(process.Id, signal);
    }

    // Debian installs nats-server in /usr/sbin, which is not on an ordinary user's PATH.
    private static string FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/local/sbin")
            .Select(dir => Path.Combine(dir, "nats-server"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nats-server not found on PATH or in /usr/sbin: install the nats-server package.");

    private List<string> Arguments()
    {
        List<string> arguments =
        [
            "-js", "-sd", _storeDirectory,
            "-a", "127.0.0.1",
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-m", MonitorPort.ToString(CultureInfo.InvariantCulture),
        ];
        if (_options.ServerName is { } name)
            arguments.AddRange(["-n", name]);
        if (_options.Cluster is { } cluster)
        {
            arguments.AddRange(["--cluster_name", cluster.Name, "--cluster", $"nats://127.0.0.1:{cluster.Port.ToString(CultureInfo.InvariantCulture)}"]);
            if (cluster.Routes.Count > 0)
                arguments.AddRange(["--routes", string.Join(',', cluster.Routes.Select(port => $"nats://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"))]);
        }
        if (_options.ConfigFile is { } config)
            arguments.AddRange(["-c", config]);
        arguments.AddRange(_options.ExtraArguments);
        return arguments;
    }

    private async Task LaunchAsync(bool mayChangePorts, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Log.ServerStarting(_logger, "nats-server", Port, _storeDirectory);
            var process = await ServerProcess.StartAsync(
                ServerCommand.Create(_executable, Arguments(), "TERM", asPostgresUser: false, Path.GetDirectoryName(_storeDirectory)!),
                _logPath);
            _process = process;
            if (await WaitUntilHealthyAsync(process, ct))
            {
                Log.ServerReady(_logger, "nats-server", Port);
                return;
            }

            _process = null;
            await process.WaitForExitAsync(ct); // the whole output is in the tail only once the pipes are drained
            var (exitCode, tail) = (process.ExitCode, process.Tail);
            process.Dispose();
            // FreePort releases its port before nats-server binds it; someone may take it in between.
            if (mayChangePorts && attempt < PortAttempts && tail.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Log.PortTaken(_logger, "nats-server", Port);
                Port = _options.Port == 0 ? FreePort.Next() : Port;
                MonitorPort = _options.MonitorPort == 0 ? FreePort.Next() : MonitorPort;
                continue;
            }
            throw new InvalidOperationException(
                $"nats-server ({_storeDirectory}) exited with code {exitCode} while starting. Log ({_logPath}):\n{tail}");
        }
    }

    // True once /healthz answers 200 (JetStream included); false if the server exited first.
    private async Task<bool> WaitUntilHealthyAsync(ServerProcess process, CancellationToken ct)
    {
        var healthz = new Uri($"http://127.0.0.1:{MonitorPort}/healthz");
        var clock = Stopwatch.StartNew();
        var lastAnswer = "no answer";
        while (clock.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
                return false;
            try
            {
                using var response = await Http.GetAsync(healthz, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return true;
                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                lastAnswer = e.Message;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException(
            $"nats-server ({_storeDirectory}) was not healthy at {healthz} within {ReadyTimeout.TotalSeconds} s (last answer: {lastAnswer}). " +
            $"Log ({_logPath}):\n{process.Tail}");
    }
}
