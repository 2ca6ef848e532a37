using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Daarion.Events.Subscriptions;

/// <summary>Per consumer (subscription or replay): events handled, duplicates skipped, handler failures, dead letters.</summary>
public sealed class EventConsumerMetrics
{
    private readonly ConcurrentDictionary<string, Counters> _consumers = new(StringComparer.Ordinal);

    public long Handled(string consumer) => Interlocked.Read(ref Get(consumer).Handled);

    public long Duplicates(string consumer) => Interlocked.Read(ref Get(consumer).Duplicates);

    public long Failures(string consumer) => Interlocked.Read(ref Get(consumer).Failures);

    public long DeadLetters(string consumer) => Interlocked.Read(ref Get(consumer).DeadLetters);

    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        Family(text, "event_consumer_handled_total", "Events a handler processed and committed.", c => c.Handled);
        Family(text, "event_consumer_duplicates_total", "Redelivered events the inbox recognised and skipped.", c => c.Duplicates);
        Family(text, "event_consumer_failures_total", "Handler attempts that threw (each retried).", c => c.Failures);
        Family(text, "event_consumer_dead_letters_total", "Events moved to event_dead_letters (handler kept failing, unreadable envelope).", c => c.DeadLetters);
        return text.ToString();
    }

    internal void Record(string consumer, int handled, int duplicates)
    {
        var counters = Get(consumer);
        Interlocked.Add(ref counters.Handled, handled);
        Interlocked.Add(ref counters.Duplicates, duplicates);
    }

    internal void RecordFailure(string consumer) => Interlocked.Increment(ref Get(consumer).Failures);

    internal void RecordDeadLetter(string consumer) => Interlocked.Increment(ref Get(consumer).DeadLetters);

    private Counters Get(string consumer) => _consumers.GetOrAdd(consumer, _ => new Counters());

    private void Family(StringBuilder text, string name, string help, Func<Counters, long> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (consumer, counters) in _consumers.OrderBy(c => c.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{name}{{consumer=\"{consumer}\"}} {value(counters)}\n");
    }

    // Fields, so Interlocked can update them in place.
    private sealed class Counters
    {
        public long Handled;
        public long Duplicates;
        public long Failures;
        public long DeadLetters;
    }
}
