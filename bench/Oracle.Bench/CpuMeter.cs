namespace Daarion.Oracle.Bench;

/// <summary>
/// CPU time used so far by the host process, by the PostgreSQL processes of one data directory and by this process
/// (the load), from /proc. The machine is shared, so CPU per reading says more than readings/s alone.
/// </summary>
public static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Sample(TimeSpan Host, TimeSpan Postgres, TimeSpan Load);

    public static Sample Take(int hostPid, string postgresDataDirectory)
    {
        var dataDirectory = new DirectoryInfo(postgresDataDirectory).FullName;
        var postgres = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsPostgresIn(pid, dataDirectory))
            .Sum(CpuTicks);
        return new Sample(Ticks(CpuTicks(hostPid)), Ticks(postgres), Environment.CpuUsage.TotalTime);
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    // utime and stime: the 14th and 15th fields of /proc/<pid>/stat, counted after the ')' that ends the command name.
    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    }

    private static bool IsPostgresIn(int pid, string dataDirectory)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd() == "postgres" && new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget == dataDirectory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
