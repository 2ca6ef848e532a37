namespace Daarion.Silo.Storage;

/// <summary>
/// Group commit: writes that arrive while commits are in flight wait and go together in the next transaction,
/// so the fsync per commit is shared by the whole group.
/// </summary>
internal sealed class GroupCommitter(GrainStorage storage, GrainStorageOptions options)
{
    private readonly Lock _lock = new();
    private List<PendingWrite> _queue = [];
    private int _committers;

    public Task Submit(StateWrite write)
    {
        var pending = new PendingWrite(write);
        bool startCommitter;
        lock (_lock)
        {
            _queue.Add(pending);
            startCommitter = _committers < options.MaxConcurrentCommits;
            if (startCommitter) _committers++;
        }
        // Task.Run: the committer must not run on (or post back to) the calling grain's turn.
        if (startCommitter) _ = Task.Run(CommitLoopAsync);
        return pending.Completion.Task;
    }

    private async Task CommitLoopAsync()
    {
        while (TakeGroup() is { } group) await storage.CommitGroupAsync(group).ConfigureAwait(false);
    }

    private List<PendingWrite>? TakeGroup()
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _committers--;
                return null;
            }
            if (_queue.Count <= options.MaxBatchSize)
            {
                var all = _queue;
                _queue = [];
                return all;
            }
            var group = _queue.GetRange(0, options.MaxBatchSize);
            _queue.RemoveRange(0, options.MaxBatchSize);
            return group;
        }
    }
}
