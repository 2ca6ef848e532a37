namespace Daarion.Grains.Ledger;

/// <summary>Ledger settings, bound from the "Ledger" configuration section (e.g. Ledger__MaxBatchSize=2000).</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Most operations committed in one PostgreSQL transaction (each locks its wallets: keep it within the lock table).</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Commits in flight at once; the next group forms while they run.</summary>
    public int MaxConcurrentCommits { get; set; } = 2;

    /// <summary>How long one commit may take before its callers get a 503 (its outcome is then unknown). An unreachable
    /// database fails sooner, within the connection timeout (2 s unless DATABASE_URL sets one).</summary>
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired holds are looked for and released.</summary>
    public TimeSpan HoldExpiryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Answers kept in memory for fast replays of recent idempotency keys (older ones are read from the database).</summary>
    public int RecentAnswers { get; set; } = 100_000;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxBatchSize < 1) yield return "Ledger:MaxBatchSize must be at least 1.";
        if (MaxConcurrentCommits < 1) yield return "Ledger:MaxConcurrentCommits must be at least 1.";
        if (CommitTimeout < TimeSpan.FromMilliseconds(100)) yield return "Ledger:CommitTimeout must be at least 100 ms.";
        if (HoldExpiryInterval <= TimeSpan.Zero) yield return "Ledger:HoldExpiryInterval must be positive.";
        if (RecentAnswers < 0) yield return "Ledger:RecentAnswers must not be negative.";
    }
}
