using Daarion.Events.Subscriptions;

namespace Daarion.ApiHost.Tests;

/// <summary>A test handler registered on the host: counts the live and the replayed events it gets.</summary>
internal sealed class CountingHandler : IEventHandler
{
    private int _live;
    private int _replayed;

    public int Live => Volatile.Read(ref _live);

    public int Replayed => Volatile.Read(ref _replayed);

    public Task HandleAsync(ConsumedEvent consumedEvent, EventHandlerContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref context.IsReplay ? ref _replayed : ref _live);
        return Task.CompletedTask;
    }
}
