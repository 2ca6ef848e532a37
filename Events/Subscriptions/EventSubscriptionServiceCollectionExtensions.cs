using Daarion.Events.Backbone;
using Daarion.Events.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Events.Subscriptions;

public static class EventSubscriptionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (a singleton) as handler <paramref name="name"/> of consumer group
    /// <paramref name="group"/> on <paramref name="stream"/>, for the given event <paramref name="types"/> (all if none).
    /// The group is provisioned at start if the catalog does not already have it.
    /// </summary>
    /// <example>
    /// <code>services.AddEventHandler&lt;InventoryCredits&gt;("inventory-credits", "STREAM_RWA", "wallet", "rwa.inventory.updated");</code>
    /// </example>
    public static IServiceCollection AddEventHandler<THandler>(this IServiceCollection services, string name, string stream, string group, params string[] types)
        where THandler : class, IEventHandler
    {
        var catalogStream = EventCatalog.Find(stream) ?? throw new ArgumentException($"'{stream}' is not a stream of the event catalog.", nameof(stream));
        var existing = services.Where(d => d.ServiceType == typeof(EventSubscription)).Select(d => (EventSubscription)d.ImplementationInstance!).ToList();
        if (existing.Any(s => s.Handler == name))
            throw new ArgumentException($"An event handler named '{name}' is already registered.", nameof(name));
        if (existing.Any(s => s.Stream == stream && s.Group == group))
            throw new ArgumentException($"Consumer group '{group}' of {stream} already has a handler: a group has one handler per host.", nameof(group));
        if (types.FirstOrDefault(t => !catalogStream.EventTypes.Contains(t, StringComparer.Ordinal)) is { } unknown)
            throw new ArgumentException($"'{unknown}' is not an event type of {stream}.", nameof(types));

        services.AddSingleton<THandler>();
        services.AddSingleton(new EventSubscription(name, stream, group, typeof(THandler)) { Types = types.Length == 0 ? null : types });
        if (!catalogStream.ConsumerGroups.Contains(group, StringComparer.Ordinal))
            services.AddSingleton(new ConsumerGroupRegistration(stream, group));
        return services;
    }
}
