using Microsoft.Extensions.Logging;

namespace Daarion.Events;

// Event payloads and envelopes are never logged: they may carry personal data. Ids and subjects are.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Provisioned {Streams} event streams and {Groups} consumer groups (replicas: {Replicas})")]
    public static partial void Provisioned(ILogger logger, int streams, int groups, int replicas);

    [LoggerMessage(2, LogLevel.Warning, "The event backbone is not ready yet (NATS or provisioning failed), retrying in {Delay}: {Reason}")]
    public static partial void BackboneNotReady(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(3, LogLevel.Information, "This host now relays the outbox")]
    public static partial void RelayLeading(ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Outbox relay round failed, retrying in {Delay}: {Reason}")]
    public static partial void RelayRoundFailed(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(5, LogLevel.Warning, "{Count} events could not be published this round (first: {EventId} on '{Subject}': {Reason}); they stay in the outbox")]
    public static partial void PublishFailed(ILogger logger, int count, string eventId, string subject, string reason);

    [LoggerMessage(6, LogLevel.Error, "Event {EventId} on '{Subject}' can never be published ({Reason}); moved to event_dead_letters")]
    public static partial void DeadLettered(ILogger logger, string eventId, string subject, string reason);

    [LoggerMessage(8, LogLevel.Debug, "Relay round: {Events} events from {Rows} rows, read in {ReadMs:F1} ms, published in {PublishMs:F1} ms, marked in {MarkMs:F1} ms")]
    public static partial void RoundTimings(ILogger logger, int events, int rows, double readMs, double publishMs, double markMs);

    [LoggerMessage(9, LogLevel.Warning, "Handler {Handler} failed on event {EventId} ({Type}); it will be retried")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string handler, string eventId, string type);

    [LoggerMessage(10, LogLevel.Error, "Consumer {Consumer} moved event {EventId} on '{Subject}' to event_dead_letters: {Reason}")]
    public static partial void ConsumerDeadLettered(ILogger logger, string consumer, string eventId, string subject, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Consumer {Consumer} cannot reach the database, retrying the batch in {Delay}: {Reason}")]
    public static partial void InboxUnavailable(ILogger logger, string consumer, TimeSpan delay, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Consumer {Consumer} lost its fetch, retrying in {Delay}: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string consumer, TimeSpan delay, string reason);

    [LoggerMessage(14, LogLevel.Information, "Replay {ReplayId} started: handler {Handler} on {Stream}, deliver {Deliver}, pace {Pace}")]
    public static partial void ReplayStarted(ILogger logger, string replayId, string handler, string stream, string deliver, string pace);

    [LoggerMessage(15, LogLevel.Information, "Replay {ReplayId} ended {State} after handling {Handled} events")]
    public static partial void ReplayFinished(ILogger logger, string replayId, string state, long handled);

    [LoggerMessage(7, LogLevel.Warning, "Measuring the outbox backlog failed: {Reason}")]
    public static partial void LagSampleFailed(ILogger logger, string reason);
}
