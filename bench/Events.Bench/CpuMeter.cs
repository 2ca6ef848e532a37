using System.Globalization;

namespace Daarion.Events.Bench;

/// <summary>
/// CPU time used by the processes of the run — the API host, and the nats-server and PostgreSQL processes of the
/// bench's own directory — read from /proc. On a machine shared with other work, wall-clock rates vary with the others'
/// load; the CPU spent per event does not, so both are reported.
/// </summary>
public sealed class CpuMeter(int hostPid, string benchDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Sample(double Host, double Nats, double Postgres)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.Host - b.Host, a.Nats - b.Nats, a.Postgres - b.Postgres);

        public double Total => Host + Nats + Postgres;
    }

    /// <summary>CPU seconds so far, per process kind; exited PostgreSQL backends count through their postmaster.</summary>
    public Sample Read()
    {
        double host = 0, nats = 0, postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText($"{directory}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // Fields after "pid (comm)": state is [0], utime [11], stime [12], cutime [13], cstime [14].
                double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture) / TicksPerSecond;
                if (pid == hostPid)
                {
                    host += Field(11) + Field(12);
                    continue;
                }
                var command = File.ReadAllText($"{directory}/comm").TrimEnd();
                if (command == "nats-server" && File.ReadAllText($"{directory}/cmdline").Contains(benchDirectory, StringComparison.Ordinal))
                    nats += Field(11) + Field(12);
                else if (command == "postgres" && (new DirectoryInfo($"{directory}/cwd").LinkTarget ?? "").StartsWith(benchDirectory, StringComparison.Ordinal))
                    postgres += Field(11) + Field(12) + Field(13) + Field(14);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return new Sample(host, nats, postgres);
    }
}
