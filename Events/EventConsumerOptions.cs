namespace Daarion.Events;

/// <summary>Settings of the event handlers' consumers ("Events:Consumers").</summary>
public sealed class EventConsumerOptions
{
    /// <summary>Most events handled in one transaction (one inbox insert, one commit).</summary>
    public int FetchBatch { get; set; } = 256;

    /// <summary>How long an idle consumer's fetch waits on the server for the next event.</summary>
    public TimeSpan LongPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries of a handler on one event before the event is moved to event_dead_letters.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The pause after a failed try (or an unreachable database); it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long handled event ids stay in the inbox; a redelivery comes within minutes, a replay uses its own key.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<string> Validate()
    {
        if (FetchBatch < 1) yield return "Events:Consumers:FetchBatch must be at least 1.";
        if (LongPoll < TimeSpan.FromMilliseconds(100)) yield return "Events:Consumers:LongPoll must be at least 100 ms.";
        if (MaxAttempts < 1) yield return "Events:Consumers:MaxAttempts must be at least 1.";
        if (RetryDelay <= TimeSpan.Zero) yield return "Events:Consumers:RetryDelay must be positive.";
        if (MaxRetryDelay < RetryDelay) yield return "Events:Consumers:MaxRetryDelay must not be less than Events:Consumers:RetryDelay.";
        if (InboxRetention < TimeSpan.FromHours(1)) yield return "Events:Consumers:InboxRetention must be at least 1 hour.";
    }
}
