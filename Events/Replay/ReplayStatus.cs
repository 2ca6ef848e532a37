namespace Daarion.Events.Replay;

/// <summary>
/// A replay as the admin API shows it: deliver and replay in JetStream's words (by_start_time, original…); delivered
/// counts the events fetched, handled/duplicates/dead letters count under the replay's own inbox key.
/// </summary>
public sealed record ReplayStatus(
    string ReplayId,
    string Handler,
    string Stream,
    string Consumer,
    string Deliver,
    string Replay,
    ReplayState State,
    long Delivered,
    long Handled,
    long Duplicates,
    long DeadLetters,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
