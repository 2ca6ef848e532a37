using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Access;

/// <summary>
/// The queue of decisions waiting for <see cref="DecisionLogWriter"/>. Recording never waits: when the queue is full
/// (the database is away or too slow) it refuses, and the PEP fails closed rather than decide unlogged.
/// </summary>
public sealed class DecisionLog(IOptions<AccessOptions> options)
{
    private readonly Channel<DecisionLogEntry> _queue = Channel.CreateBounded<DecisionLogEntry>(
        new BoundedChannelOptions(options.Value.DecisionLogCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryRecord(DecisionLogEntry entry) => _queue.Writer.TryWrite(entry);

    internal ChannelReader<DecisionLogEntry> Reader => _queue.Reader;
}
