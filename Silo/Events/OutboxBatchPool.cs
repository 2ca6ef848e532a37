using System.Collections.Concurrent;

namespace Daarion.Silo.Events;

/// <summary>
/// The <see cref="OutboxBatch"/> buffers of one writer's concurrent commits. A commit rents one, executes its insert
/// and returns it; each keeps its buffer for the life of the pool, so large batches do not allocate anew every commit.
/// </summary>
public sealed class OutboxBatchPool
{
    private readonly ConcurrentBag<OutboxBatch> _batches = [];

    public OutboxBatch Rent() => _batches.TryTake(out var batch) ? batch : new OutboxBatch();

    /// <summary>Gives the batch back once the command that used its bytes has run.</summary>
    public void Return(OutboxBatch batch) => _batches.Add(batch);
}
