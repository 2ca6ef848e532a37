using System.Globalization;
using System.Text;

namespace Daarion.Events.Relay;

/// <summary>The relay's counters and the outbox backlog, in-process and for GET /metrics.</summary>
public sealed class OutboxRelayMetrics
{
    private long _published;
    private long _duplicates;
    private long _failures;
    private long _deadLetters;
    private long _rounds;
    private long _backlog;
    private long _oldestAgeTicks;
    private int _leader;

    /// <summary>Events the streams stored.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Re-sent events the streams already had (their first ack was lost): dropped by de-duplication.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Publishes refused or unanswered, retried in a later round.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Events that can never be published, moved to event_dead_letters.</summary>
    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Unpublished events in outbox_events and outbox_batches at the last measurement.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>How long the oldest unpublished event had waited at the last measurement.</summary>
    public TimeSpan OldestUnpublishedAge => TimeSpan.FromTicks(Interlocked.Read(ref _oldestAgeTicks));

    /// <summary>Whether this host holds the relay's lock (one host relays at a time).</summary>
    public bool IsLeader => Volatile.Read(ref _leader) == 1;

    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        Metric(text, "outbox_relay_published_total", "counter", "Events the streams stored.", Published);
        Metric(text, "outbox_relay_duplicates_total", "counter", "Re-sent events the streams already had (dropped by de-duplication).", Duplicates);
        Metric(text, "outbox_relay_failed_publishes_total", "counter", "Publishes refused or unanswered, retried in a later round.", Failures);
        Metric(text, "outbox_relay_dead_letters_total", "counter", "Events moved to event_dead_letters (no stream, too large).", DeadLetters);
        Metric(text, "outbox_relay_rounds_total", "counter", "Relay rounds (read, publish, mark).", Rounds);
        Metric(text, "outbox_relay_leader", "gauge", "1 when this host relays the outbox.", IsLeader ? 1 : 0);
        Metric(text, "outbox_backlog_events", "gauge", "Unpublished events in the outbox tables.", Backlog);
        Metric(text, "outbox_oldest_unpublished_age_seconds", "gauge", "Age of the oldest unpublished event (relay lag).", OldestUnpublishedAge.TotalSeconds);
        return text.ToString();
    }

    internal void RecordRound(RoundResult result)
    {
        Interlocked.Increment(ref _rounds);
        Interlocked.Add(ref _published, result.Count(PublishOutcome.Stored));
        Interlocked.Add(ref _duplicates, result.Count(PublishOutcome.Duplicate));
        Interlocked.Add(ref _failures, result.Count(PublishOutcome.Failed));
        Interlocked.Add(ref _deadLetters, result.Count(PublishOutcome.DeadLetter));
    }

    internal void RecordBacklog(long events, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, events);
        Interlocked.Exchange(ref _oldestAgeTicks, oldestAge.Ticks);
    }

    internal void SetLeader(bool leader) => Volatile.Write(ref _leader, leader ? 1 : 0);

    private static void Metric(StringBuilder text, string name, string type, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value}\n");
}
