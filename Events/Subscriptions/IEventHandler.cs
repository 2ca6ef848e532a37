namespace Daarion.Events.Subscriptions;

/// <summary>
/// Reacts to events of a stream, registered with <see cref="EventSubscriptionServiceCollectionExtensions.AddEventHandler{THandler}"/>.
/// Delivery is at least once: an event may come again (a lost ack, a retry, a replay). The inbox records each event
/// handled, keyed by event_id, in the transaction of <see cref="EventHandlerContext"/>: writes a handler makes through
/// that transaction commit together with the record, so a redelivered event is skipped and its effect happens once.
/// Effects outside the transaction (a grain call, an HTTP request) must themselves be idempotent by event_id.
/// Events of a group arrive one at a time in stream order, hence in commit order per ordering key.
/// </summary>
public interface IEventHandler
{
    /// <summary>Handles one event; throwing rolls back the transaction and retries (see Events:Consumers:MaxAttempts).</summary>
    Task HandleAsync(ConsumedEvent consumedEvent, EventHandlerContext context, CancellationToken cancellationToken);
}
