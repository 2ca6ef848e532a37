using Microsoft.Extensions.Logging;

namespace Daarion.Hosting;

// A host that crashed or was killed can leave a running postmaster, orphaned backends, or a postmaster.pid naming
// a dead (or since reused) PID. Any of them would stop the next start, so clear them first.
internal static class PostmasterLeftovers
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan OrphanTimeout = TimeSpan.FromSeconds(5);

    public static async Task ClearAsync(string dataDirectory, ILogger logger, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return;
        var resolved = LibC.ResolvePath(dataDirectory);
        if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && ProcFs.IsPostgresIn(pid, resolved))
        {
            Log.LeftoverPostmasterStopping(logger, pid, dataDirectory);
            await EndAsync(pid, LibC.SigInt, ShutdownTimeout, ct);
        }

        // Backends outlive a SIGKILLed postmaster for a moment and still hold its shared memory. Postgres checks
        // for them through the pid file we are about to delete, so wait them out here; they notice the death
        // themselves, only stragglers are killed.
        foreach (var orphan in ProcFs.PostgresProcessesIn(resolved))
        {
            if (!await ProcFs.WaitForExitAsync(orphan, OrphanTimeout, ct))
                await EndAsync(orphan, LibC.SigKill, OrphanTimeout, ct);
        }

        if (File.Exists(pidFile))
        {
            File.Delete(pidFile);
            Log.StalePidFileRemoved(logger, dataDirectory);
        }
    }

    // Sends the signal and waits; a process still alive after the timeout gets SIGKILL.
    private static async Task EndAsync(int pid, int signal, TimeSpan timeout, CancellationToken ct)
    {
        LibC.Kill(pid, signal);
        if (await ProcFs.WaitForExitAsync(pid, timeout, ct))
            return;
        LibC.Kill(pid, LibC.SigKill);
        if (!await ProcFs.WaitForExitAsync(pid, timeout, ct))
            throw new InvalidOperationException($"Process {pid} of an earlier PostgreSQL run does not exit; stop it by hand.");
    }
}
