using System.Diagnostics;

namespace Daarion.Hosting;

// A child whose stdout/stderr are appended to a log file (kept across restarts) while the last lines of this run
// stay in memory, so a failed start can say why without parsing old runs' output.
internal sealed class ServerProcess : IDisposable
{
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    private ServerProcess(Process process, StreamWriter log, string description)
    {
        _process = process;
        _log = log;
        Description = description;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Description { get; }

    public string Tail
    {
        get
        {
            lock (_lock)
                return string.Join('\n', _tail);
        }
    }

    public static async Task<ServerProcess> StartAsync(ProcessStartInfo info, string logPath)
    {
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        try
        {
            var process = await ChildProcessLauncher.Shared.StartAsync(info);
            return new ServerProcess(process, log, ServerCommand.Describe(info));
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }
    }

    // Runs a one-shot command (initdb, chown) to completion; a non-zero exit throws with the output's tail.
    public static async Task RunAsync(ProcessStartInfo info, string logPath, CancellationToken ct)
    {
        using var process = await StartAsync(info, logPath);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await process.KillAsync();
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"'{process.Description}' failed with exit code {process.ExitCode}. Output ({logPath}):\n{process.Tail}");
    }

    public Task WaitForExitAsync(CancellationToken ct = default) => _process.WaitForExitAsync(ct);

    // Sends a shutdown signal and waits; past the timeout the process is killed. Returns false if it had to be.
    public async Task<bool> StopAsync(int signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
            LibC.Kill(_process.Id, signal);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            await KillAsync();
            return false;
        }
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _log.Dispose();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
        {
            if (_disposed)
                return;
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
        }
    }
}
