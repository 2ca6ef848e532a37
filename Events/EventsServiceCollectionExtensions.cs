using Daarion.Adapters.Nats;
using Daarion.Events.Backbone;
using Daarion.Events.Relay;
using Daarion.Events.Replay;
using Daarion.Events.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the event backbone: the NATS connection with the catalog's streams and consumer groups provisioned at start,
    /// the outbox relay and its backlog metrics, and the consumers of the handlers registered with AddEventHandler, and replays. Needs an NpgsqlDataSource whose database has the sql/ migrations.
    /// </summary>
    public static IServiceCollection AddEventBackbone(this IServiceCollection services, Func<IServiceProvider, NatsOptions> nats)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        services.AddSingleton<StreamProvisioner>();
        services.AddSingleton(sp => new EventBackbone(
            nats(sp),
            sp.GetRequiredService<IOptions<EventsOptions>>(),
            sp.GetRequiredService<StreamProvisioner>(),
            sp.GetServices<ConsumerGroupRegistration>(),
            sp.GetRequiredService<ILoggerFactory>()));
        // Registered before the relay: hosted services stop in reverse order, so the connection closes last.
        services.AddHostedService(sp => sp.GetRequiredService<EventBackbone>());
        services.AddSingleton<OutboxRelayMetrics>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxLagMonitor>();
        services.AddSingleton<EventHandlerRegistry>();
        services.AddSingleton<EventConsumerMetrics>();
        services.AddSingleton<EventDispatcher>();
        services.AddHostedService<EventSubscriptionService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ReplayService(
            sp.GetRequiredService<EventBackbone>(),
            sp.GetRequiredService<EventHandlerRegistry>(),
            sp.GetRequiredService<EventDispatcher>(),
            sp.GetRequiredService<EventConsumerMetrics>(),
            sp.GetRequiredService<IOptions<EventsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReplayService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReplayService>());
        return services;
    }
}
