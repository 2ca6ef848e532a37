using System.Globalization;

namespace Daarion.Ledger.Bench;

/// <summary>
/// The CPU time every process on the machine has used, grouped by kind (the API host, postgres, nats-server, the load
/// generator, anything else), and the machine's idle and stolen time, read from /proc. The difference of two snapshots
/// divided by the transfers between them is the CPU each part spends per transfer: a figure that moves far less than
/// transfers/s with how fast the (shared, virtual) machine happens to be during a run (about ±10% against ±25%).
/// </summary>
public sealed record CpuSnapshot(IReadOnlyDictionary<string, double> SecondsByKind, double IdleSeconds, double StolenSeconds)
{
    public static readonly IReadOnlyList<string> Kinds = ["postgres", "host", "nats-server", "client", "other"];

    // USER_HZ, the unit of /proc's CPU times, is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>
    /// Reads /proc now. <paramref name="hostProcessId"/> is the host's process (this one, for the in-process run); the
    /// load generator (wrk, pgbench) is this process's child, and counted once it has ended and been waited for.
    /// </summary>
    public static CpuSnapshot Take(int hostProcessId)
    {
        var seconds = Kinds.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended while we looked
            }
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are counted after the last ')'.
            var close = stat.LastIndexOf(')');
            var command = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            double Seconds(int field) => double.Parse(fields[field], CultureInfo.InvariantCulture) / TicksPerSecond;
            var (own, endedChildren) = (Seconds(11) + Seconds(12), Seconds(13) + Seconds(14));
            if (pid == Environment.ProcessId)
            {
                seconds[pid == hostProcessId ? "host" : "other"] += own;
                seconds["client"] += endedChildren;
            }
            else
            {
                // The postmaster's ended children are backends whose connection closed: their time is PostgreSQL's.
                seconds[KindOf(pid, command, hostProcessId)] += own + endedChildren;
            }
        }
        // "cpu  user nice system idle iowait irq softirq steal …"
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture) / TicksPerSecond).ToArray();
        return new CpuSnapshot(seconds, machine[3] + machine[4], machine[7]);
    }

    /// <summary>Microseconds per operation (a transfer, a read) by kind (then "idle" and "stolen") from this snapshot to a later one.</summary>
    public IReadOnlyList<(string Kind, double Microseconds)> PerOperation(CpuSnapshot later, long operations)
    {
        double Each(double seconds) => seconds * 1e6 / Math.Max(1, operations);
        return
        [
            .. Kinds.Select(k => (k, Each(later.SecondsByKind[k] - SecondsByKind[k]))),
            ("idle", Each(later.IdleSeconds - IdleSeconds)),
            ("stolen", Each(later.StolenSeconds - StolenSeconds)),
        ];
    }

    /// <summary>"postgres 150 µs, host 160 µs, …" for a console line.</summary>
    public static string Format(IEnumerable<(string Kind, double Microseconds)> perTransfer) =>
        string.Join(", ", perTransfer.Select(c => FormattableString.Invariant($"{c.Kind} {c.Microseconds:N0} µs")));

    private static string KindOf(int pid, string command, int hostProcessId) =>
        pid == hostProcessId ? "host" : command is "postgres" or "nats-server" ? command : "other";
}
