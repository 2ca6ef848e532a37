using System.Text.Json;
using Daarion.Events.Subscriptions;

namespace Daarion.Events.Replay;

/// <summary>A replay's progress while it runs and after; thread-safe.</summary>
internal sealed class RunningReplay(string id, EventSubscription subscription, string consumer, ReplayRequest request, DateTimeOffset startedAt)
{
    private long _delivered;
    private volatile ReplayOutcome? _outcome;

    public string Id { get; } = id;

    public EventSubscription Subscription { get; } = subscription;

    public string Consumer { get; } = consumer;

    public ReplayRequest Request { get; } = request;

    public string InboxConsumer => "replay:" + Id;

    public Task Run { get; set; } = Task.CompletedTask;

    public void AddDelivered(int count) => Interlocked.Add(ref _delivered, count);

    public void Finish(ReplayState state, DateTimeOffset at, string? error = null) => _outcome = new ReplayOutcome(state, at, error);

    public ReplayStatus Status(EventConsumerMetrics metrics) => new(
        Id,
        Subscription.Handler,
        Subscription.Stream,
        Consumer,
        JsonNamingPolicy.SnakeCaseLower.ConvertName(Request.Deliver.ToString()),
        JsonNamingPolicy.SnakeCaseLower.ConvertName(Request.Pace.ToString()),
        _outcome?.State ?? ReplayState.Running,
        Interlocked.Read(ref _delivered),
        metrics.Handled(InboxConsumer),
        metrics.Duplicates(InboxConsumer),
        metrics.DeadLetters(InboxConsumer),
        startedAt,
        _outcome?.At,
        _outcome?.Error);

    private sealed record ReplayOutcome(ReplayState State, DateTimeOffset At, string? Error);
}
