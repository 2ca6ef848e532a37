namespace Daarion.Events;

/// <summary>The outbox relay's settings ("Events:Relay").</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>Whether this host relays the outbox; with several hosts one leads at a time (an advisory lock) anyway.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most events read and published per round; the marks for a round are written together.</summary>
    public int MaxEventsPerRound { get; set; } = 8192;

    /// <summary>Publishes awaiting their ack at once; above a full page (both tables), so a page is sent without waiting for acks.</summary>
    public int MaxInFlight { get; set; } = 20_000;

    /// <summary>How often the relay reads without a notification (a lost one costs at most this), and a standby relay tries to lead.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first pause after a failed round; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the backlog (size, oldest unpublished age) is measured for the metrics.</summary>
    public TimeSpan LagSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (MaxEventsPerRound < 1) yield return "Events:Relay:MaxEventsPerRound must be at least 1.";
        if (MaxInFlight < 1) yield return "Events:Relay:MaxInFlight must be at least 1.";
        if (PollInterval <= TimeSpan.Zero) yield return "Events:Relay:PollInterval must be positive.";
        if (RetryDelay <= TimeSpan.Zero) yield return "Events:Relay:RetryDelay must be positive.";
        if (MaxRetryDelay < RetryDelay) yield return "Events:Relay:MaxRetryDelay must not be less than Events:Relay:RetryDelay.";
        if (LagSampleInterval <= TimeSpan.Zero) yield return "Events:Relay:LagSampleInterval must be positive.";
    }
}
