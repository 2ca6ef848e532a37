using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Events.Backbone;

/// <summary>
/// The host's NATS connection with the catalog provisioned. It connects and provisions in the background, retrying
/// until both succeed, so the host starts (and the outbox fills) while NATS is away; the relay, subscriptions and
/// replays wait for <see cref="ReadyAsync"/>. Once connected, the connection reconnects by itself.
/// </summary>
public sealed class EventBackbone(
    NatsOptions natsOptions,
    IOptions<EventsOptions> options,
    StreamProvisioner provisioner,
    IEnumerable<ConsumerGroupRegistration> registeredGroups,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<JetStreamContext> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger = loggers.CreateLogger<EventBackbone>();
    private NatsConnection? _connection;

    /// <summary>Connected and provisioned.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The connection, once made (it may be reconnecting).</summary>
    public NatsConnection? Connection => _connection;

    /// <summary>Completes once NATS answered and the streams and consumer groups exist.</summary>
    public Task<JetStreamContext> ReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Provisions the catalog and the registered groups; again after a publish found no stream (a server that lost its storage).</summary>
    public Task ProvisionAsync(JetStreamContext jetStream, CancellationToken cancellationToken) =>
        provisioner.ProvisionAsync(jetStream, registeredGroups.Select(g => (g.Stream, g.Group)), cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                _connection ??= await NatsConnection.ConnectAsync(natsOptions, loggers.CreateLogger<NatsConnection>(), stoppingToken);
                var jetStream = new JetStreamContext(_connection, new JetStreamOptions { RequestTimeout = options.Value.RequestTimeout });
                await ProvisionAsync(jetStream, stoppingToken);
                _ready.TrySetResult(jetStream);
                return;
            }
            catch (NatsException e)
            {
                Log.BackboneNotReady(_logger, delay, e.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
            }
        }
    }
}
