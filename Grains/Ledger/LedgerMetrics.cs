using System.Globalization;
using System.Text;

namespace Daarion.Grains.Ledger;

/// <summary>Counters of the ledger committer, for the dashboard and /metrics.</summary>
public sealed class LedgerMetrics
{
    private long _commits;
    private long _operations;
    private long _failures;
    private long _isolations;

    /// <summary>Groups committed (one PostgreSQL transaction each).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Operations in committed groups (applied or skipped).</summary>
    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Groups that failed (database unavailable, refused, or outcome unknown).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Groups the database refused and that were retried one operation at a time.</summary>
    public long Isolations => Interlocked.Read(ref _isolations);

    /// <summary>The counters in the Prometheus text exposition format.</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        Counter(text, "ledger_commits_total", "Ledger groups committed, one PostgreSQL transaction each.", Commits);
        Counter(text, "ledger_operations_total", "Ledger operations in committed groups (applied or skipped).", Operations);
        Counter(text, "ledger_failed_commits_total", "Ledger groups that failed: database unavailable, refused, or outcome unknown.", Failures);
        Counter(text, "ledger_isolated_groups_total", "Groups the database refused and that were retried one operation at a time.", Isolations);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    internal void RecordCommit(int operations)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _operations, operations);
    }

    internal void RecordFailure() => Interlocked.Increment(ref _failures);

    internal void RecordIsolation() => Interlocked.Increment(ref _isolations);
}
