using Daarion.Events.Catalog;

namespace Daarion.Events;

/// <summary>The event backbone's settings, bound from the "Events" section (e.g. Events__Replicas=3).</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>Copies of every stream and consumer: 1 on a single server, 3 in a cluster (seed 42 §2).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>
    /// How long JetStream remembers a Nats-Msg-Id: a relay re-send within it is dropped. Each id in the window costs the
    /// server memory, so it is minutes, not hours.
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retention per stream name, overriding the catalog's (0 keeps messages forever), e.g. Events__MaxAge__STREAM_TELEMETRY=7.00:00:00.</summary>
    public Dictionary<string, TimeSpan> MaxAge { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a JetStream API call or a publish waits for its answer.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public OutboxRelayOptions Relay { get; set; } = new();

    public EventConsumerOptions Consumers { get; set; } = new();

    /// <summary>The retention a stream gets: the override if any, else the catalog's.</summary>
    public TimeSpan MaxAgeOf(EventStreamDefinition stream) => MaxAge.TryGetValue(stream.Name, out var age) ? age : stream.MaxAge;

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Replicas is < 1 or > 5) yield return "Events:Replicas must be between 1 and 5.";
        if (DuplicateWindow < TimeSpan.FromMilliseconds(100)) yield return "Events:DuplicateWindow must be at least 100 ms.";
        if (RequestTimeout <= TimeSpan.Zero) yield return "Events:RequestTimeout must be positive.";
        foreach (var (stream, age) in MaxAge)
        {
            if (EventCatalog.Find(stream) is null) yield return $"Events:MaxAge:{stream} names no stream of the catalog.";
            else if (age < TimeSpan.Zero) yield return $"Events:MaxAge:{stream} must not be negative (0 keeps messages forever).";
        }
        foreach (var stream in EventCatalog.Streams)
        {
            var age = MaxAgeOf(stream);
            if (age > TimeSpan.Zero && age < DuplicateWindow)
                yield return $"Events:DuplicateWindow must not exceed the retention of {stream.Name} ({age}).";
        }
        foreach (var problem in Relay.Validate().Concat(Consumers.Validate())) yield return problem;
    }
}
