namespace Daarion.Events.Subscriptions;

/// <summary>A subscription with its handler instance, and the inbox key its deliveries are recorded under.</summary>
internal sealed record HandlerBinding(EventSubscription Subscription, IEventHandler Handler, string InboxConsumer, bool IsReplay);
