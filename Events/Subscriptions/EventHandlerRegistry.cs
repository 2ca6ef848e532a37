using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Events.Subscriptions;

/// <summary>The registered handlers by name: the subscription service runs them, replays look them up.</summary>
public sealed class EventHandlerRegistry(IEnumerable<EventSubscription> subscriptions, IServiceProvider services)
{
    public IReadOnlyList<EventSubscription> Subscriptions { get; } = [.. subscriptions];

    public EventSubscription? Find(string handler) => Subscriptions.FirstOrDefault(s => s.Handler == handler);

    internal HandlerBinding Bind(EventSubscription subscription, string inboxConsumer, bool isReplay) =>
        new(subscription, (IEventHandler)services.GetRequiredService(subscription.HandlerType), inboxConsumer, isReplay);
}
