namespace Daarion.ApiHost.Retention;

/// <summary>
/// How long the host keeps rows that only grow, bound from the "Retention" section (e.g. Retention__DecisionLog=365.00:00:00).
/// Zero keeps a table's rows forever. The consumers' inbox has its own setting, Events:Consumers:InboxRetention.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How often old rows are looked for; the first sweep runs at start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Outbox rows the relay published (both tables); JetStream keeps the events after that, per stream (seed 42 §9).</summary>
    public TimeSpan PublishedOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The PDP's decision log (<c>pdp_decisions</c>).</summary>
    public TimeSpan DecisionLog { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Embassy webhooks received (<c>embassy_webhooks</c>): the record that makes a re-sent webhook id a replay.</summary>
    public TimeSpan EmbassyWebhooks { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most rows one DELETE removes, so a large first sweep never holds locks or builds WAL in one long statement.</summary>
    public int ChunkSize { get; set; } = 10_000;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate(TimeSpan webhookTimestampTolerance)
    {
        if (Interval <= TimeSpan.Zero) yield return "Retention:Interval must be positive.";
        if (PublishedOutbox < TimeSpan.Zero) yield return "Retention:PublishedOutbox must not be negative (0 keeps rows forever).";
        if (DecisionLog < TimeSpan.Zero) yield return "Retention:DecisionLog must not be negative (0 keeps rows forever).";
        // A webhook whose record was deleted must be too old to pass the timestamp check, or a re-send would apply twice.
        if (EmbassyWebhooks < TimeSpan.Zero || (EmbassyWebhooks > TimeSpan.Zero && EmbassyWebhooks <= 2 * webhookTimestampTolerance))
            yield return $"Retention:EmbassyWebhooks must be 0 (forever) or more than twice Embassy:TimestampTolerance ({2 * webhookTimestampTolerance}).";
        if (ChunkSize < 1) yield return "Retention:ChunkSize must be at least 1.";
    }
}
