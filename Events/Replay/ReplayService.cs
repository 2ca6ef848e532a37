using System.Collections.Concurrent;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Backbone;
using Daarion.Events.Catalog;
using Daarion.Events.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Events.Replay;

/// <summary>
/// Replay and recovery (seed 42 §13): feeds a registered handler the events of its stream again, from a time, a
/// sequence, the last event or the beginning, instantly or at the original pace, through a consumer of its own. The
/// handler sees them like live events (ordered, retried, dead-lettered) but with <see cref="EventHandlerContext.IsReplay"/>
/// set and a separate inbox key, so events it handled before are handled again, each once per replay. A replay ends
/// when its consumer has nothing left; its status is kept in this host's memory.
/// </summary>
public sealed class ReplayService : IHostedService, IDisposable
{
    // A consumer left behind by a host that died is removed by the server after this long without pulls.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, RunningReplay> _replays = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly EventBackbone _backbone;
    private readonly EventHandlerRegistry _registry;
    private readonly EventDispatcher _dispatcher;
    private readonly EventConsumerMetrics _metrics;
    private readonly EventConsumerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal ReplayService(
        EventBackbone backbone, EventHandlerRegistry registry, EventDispatcher dispatcher, EventConsumerMetrics metrics,
        IOptions<EventsOptions> options, TimeProvider time, ILogger<ReplayService> logger)
    {
        _backbone = backbone;
        _registry = registry;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _options = options.Value.Consumers;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates the replay's consumer and starts feeding the handler in the background.</summary>
    /// <exception cref="ReplayRefusedException">Unknown handler, an inconsistent request, or NATS unavailable.</exception>
    public async Task<ReplayStatus> StartAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscription = _registry.Find(request.Handler)
            ?? throw new ReplayRefusedException(ReplayRefusal.UnknownHandler, $"No event handler named '{request.Handler}' is registered.");
        Validate(request, subscription);
        if (!_backbone.IsReady)
            throw new ReplayRefusedException(ReplayRefusal.Unavailable, "NATS is not reachable yet; retry shortly.");
        var jetStream = await _backbone.ReadyAsync(cancellationToken);

        var id = "rpl_" + Guid.CreateVersion7().ToString("N");
        ConsumerInfo consumer;
        try
        {
            consumer = await jetStream.CreateOrUpdateConsumerAsync(subscription.Stream, ConfigFor(id, request, subscription), cancellationToken);
        }
        catch (JetStreamApiException e) when (e.StatusCode == 400)
        {
            throw new ReplayRefusedException(ReplayRefusal.InvalidRequest, $"JetStream refused the replay's consumer: {e.Description}");
        }
        catch (NatsException e)
        {
            throw new ReplayRefusedException(ReplayRefusal.Unavailable, $"NATS did not create the replay's consumer: {e.Message}");
        }

        var replay = new RunningReplay(id, subscription, consumer.Name, request, _time.GetUtcNow());
        _replays[id] = replay;
        Log.ReplayStarted(_logger, id, subscription.Handler, subscription.Stream, request.Deliver.ToString(), request.Pace.ToString());
        replay.Run = Task.Run(() => RunAsync(jetStream, replay), CancellationToken.None);
        return replay.Status(_metrics);
    }

    public ReplayStatus? Find(string replayId) => _replays.TryGetValue(replayId, out var replay) ? replay.Status(_metrics) : null;

    public IReadOnlyList<ReplayStatus> List() => [.. _replays.Values.Select(r => r.Status(_metrics)).OrderBy(s => s.StartedAt)];

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the replays still running (they end as cancelled) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_replays.Values.Select(r => r.Run)).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(JetStreamContext jetStream, RunningReplay replay)
    {
        var binding = _registry.Bind(replay.Subscription, replay.InboxConsumer, isReplay: true);
        try
        {
            await ConsumerLoop.RunAsync(
                jetStream.GetConsumer(replay.Subscription.Stream, replay.Consumer), _dispatcher, binding, _options,
                untilCaughtUp: true, replay.AddDelivered, _stopping.Token);
            replay.Finish(_stopping.IsCancellationRequested ? ReplayState.Cancelled : ReplayState.Completed, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            replay.Finish(ReplayState.Cancelled, _time.GetUtcNow());
        }
        catch (NatsException e)
        {
            replay.Finish(ReplayState.Failed, _time.GetUtcNow(), e.Message);
        }
        Log.ReplayFinished(_logger, replay.Id, replay.Status(_metrics).State.ToString(), replay.Status(_metrics).Handled);
        try
        {
            await jetStream.DeleteConsumerAsync(replay.Subscription.Stream, replay.Consumer);
        }
        catch (NatsException)
        {
            // Removed by the server once inactive anyway.
        }
    }

    private static void Validate(ReplayRequest request, EventSubscription subscription)
    {
        var problem = request switch
        {
            { Deliver: DeliverPolicy.New } => "deliver \"new\" replays nothing; use all, last, by_start_time or by_start_sequence.",
            { Deliver: DeliverPolicy.ByStartTime, StartTime: null } => "start_time is required with deliver \"by_start_time\".",
            { Deliver: DeliverPolicy.ByStartSequence, StartSequence: null or 0 } => "start_sequence (1 or more) is required with deliver \"by_start_sequence\".",
            { Deliver: not DeliverPolicy.ByStartTime, StartTime: not null } => "start_time goes only with deliver \"by_start_time\".",
            { Deliver: not DeliverPolicy.ByStartSequence, StartSequence: not null } => "start_sequence goes only with deliver \"by_start_sequence\".",
            { FilterSubject: { } subject } when !EventCatalog.Find(subscription.Stream)!.Captures(subject) =>
                $"filter_subject '{subject}' is not a subject of {subscription.Stream}, the stream of handler '{subscription.Handler}'.",
            _ => null,
        };
        if (problem is not null)
            throw new ReplayRefusedException(ReplayRefusal.InvalidRequest, problem);
    }

    private static ConsumerConfig ConfigFor(string id, ReplayRequest request, EventSubscription subscription) => new()
    {
        Description = $"replay {id} for handler {subscription.Handler}",
        DeliverPolicy = request.Deliver,
        OptStartTime = request.StartTime,
        OptStartSeq = request.StartSequence,
        ReplayPolicy = request.Pace,
        // A handler of one type needs only that subject.
        FilterSubject = request.FilterSubject ?? (subscription.Types is [var only] ? only : null),
        AckPolicy = AckPolicy.Explicit,
        AckWait = StreamProvisioner.AckWait,
        InactiveThreshold = AbandonedAfter,
    };
}
