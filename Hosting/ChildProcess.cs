using System.Diagnostics;

namespace Daarion.Hosting;

/// <summary>Starting and stopping child processes other than the servers (the API host in benchmarks and crash tests).</summary>
public static class ChildProcess
{
    /// <summary>Starts the process from the launcher's long-lived thread (see <see cref="ChildProcessLauncher"/>).</summary>
    public static Task<Process> StartAsync(ProcessStartInfo info) => ChildProcessLauncher.Shared.StartAsync(info);

    /// <summary>SIGTERM, as a service manager stops a process; SIGKILL if it has not exited within the timeout.</summary>
    public static async Task StopAsync(Process process, TimeSpan timeout)
    {
        if (process.HasExited) return;
        LibC.Kill(process.Id, LibC.SigTerm);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
