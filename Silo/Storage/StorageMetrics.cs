namespace Daarion.Silo.Storage;

/// <summary>Commit counters: writes per commit shows how much group commit is grouping.</summary>
public sealed class StorageMetrics
{
    private long _commits;
    private long _writes;
    private long _events;
    private long _failedCommits;

    public long Commits => Interlocked.Read(ref _commits);
    public long Writes => Interlocked.Read(ref _writes);
    public long Events => Interlocked.Read(ref _events);
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    internal void RecordCommit(int writes, int events)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, writes);
        Interlocked.Add(ref _events, events);
    }

    internal void RecordFailedCommit() => Interlocked.Increment(ref _failedCommits);
}
