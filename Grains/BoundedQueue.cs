using System.Threading.Channels;

namespace Daarion.Grains;

/// <summary>
/// A bounded queue between request paths and one background writer: adding never waits; when full it refuses, and
/// the caller decides what refusal means (fail closed, or drop and log).
/// </summary>
public abstract class BoundedQueue<T>(int capacity)
{
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full.</summary>
    public bool TryAdd(T item) => _queue.Writer.TryWrite(item);

    public ChannelReader<T> Reader => _queue.Reader;
}
