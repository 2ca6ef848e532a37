namespace Daarion.Hosting;

// Reads /proc to recognise PostgreSQL processes left behind by an earlier run: they are not our children,
// so Process cannot wait for them, and a dead one may linger as a zombie when PID 1 does not reap orphans.
internal static class ProcFs
{
    public static bool IsAlive(int pid) => StateOf($"/proc/{pid}/stat") is not (null or 'Z' or 'X');

    /// <summary>Whether every thread of the process is stopped (by SIGSTOP): a signal is delivered after kill() returns.</summary>
    public static bool IsStopped(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task").All(task => StateOf(Path.Combine(task, "stat")) is 'T' or null);
        }
        catch (IOException)
        {
            return false;
        }
    }

    // "pid (comm) state ..."; comm may contain spaces or parentheses, so look after the last ')'. Null when gone.
    private static char? StateOf(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    // A live postgres process (postmaster or backend) whose working directory is the data directory; postgres
    // chdirs there at start, so this tells apart servers of different data directories.
    public static bool IsPostgresIn(int pid, string resolvedDataDirectory)
    {
        try
        {
            return IsAlive(pid)
                && File.ReadAllText($"/proc/{pid}/comm").TrimEnd() == "postgres"
                && new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget == resolvedDataDirectory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static IReadOnlyList<int> PostgresProcessesIn(string resolvedDataDirectory) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsPostgresIn(pid, resolvedDataDirectory))];

    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(50, ct);
        }
        return true;
    }
}
