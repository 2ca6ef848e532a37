using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Backbone;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Events.Subscriptions;

/// <summary>Runs every registered handler on its durable consumer group, from the host's start to its stop.</summary>
internal sealed class EventSubscriptionService(
    EventBackbone backbone,
    EventHandlerRegistry registry,
    EventDispatcher dispatcher,
    IOptions<EventsOptions> options,
    ILogger<EventSubscriptionService> logger) : BackgroundService
{
    private readonly EventConsumerOptions _options = options.Value.Consumers;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.Subscriptions.Count == 0)
            return;
        var jetStream = await backbone.ReadyAsync(stoppingToken);
        await Task.WhenAll(registry.Subscriptions.Select(s => RunAsync(jetStream, registry.Bind(s, s.InboxConsumer, isReplay: false), stoppingToken)));
    }

    private async Task RunAsync(JetStreamContext jetStream, HandlerBinding binding, CancellationToken cancellationToken)
    {
        var subscription = binding.Subscription;
        var consumer = jetStream.GetConsumer(subscription.Stream, subscription.Group);
        var delay = _options.RetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ConsumerLoop.RunAsync(consumer, dispatcher, binding, _options, untilCaughtUp: false, _ => delay = _options.RetryDelay, cancellationToken);
            }
            catch (NatsException e) when (!cancellationToken.IsCancellationRequested)
            {
                Log.FetchFailed(logger, binding.InboxConsumer, delay, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                // A consumer that is gone (deleted, or a server that lost its storage) answers a pull with a status.
                if (e is JetStreamPullException)
                    await backbone.ProvisionAsync(jetStream, cancellationToken);
            }
        }
    }
}
