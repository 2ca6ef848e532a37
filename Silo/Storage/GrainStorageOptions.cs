namespace Daarion.Silo.Storage;

/// <summary>How state writes reach PostgreSQL.</summary>
public sealed class GrainStorageOptions
{
    /// <summary>
    /// Commit writes that arrive while a commit is in flight together in the next transaction. Off means one
    /// transaction per write (the baseline the benchmarks compare against).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>Most writes in one group commit.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Group commits in flight at once (each on its own connection).</summary>
    public int MaxConcurrentCommits { get; set; } = 2;
}
