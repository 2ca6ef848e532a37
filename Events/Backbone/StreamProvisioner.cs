using Daarion.Adapters.Nats.JetStream;
using Daarion.Events.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Events.Backbone;

/// <summary>
/// Creates the catalog's streams and their durable consumer groups, or brings existing ones to the configuration:
/// idempotent, so it runs at every start.
/// </summary>
public sealed class StreamProvisioner(IOptions<EventsOptions> options, ILogger<StreamProvisioner> logger)
{
    /// <summary>How long a delivered event may stay unacknowledged before it is delivered again.</summary>
    public static readonly TimeSpan AckWait = TimeSpan.FromSeconds(30);

    public StreamConfig ConfigFor(EventStreamDefinition stream) => new()
    {
        Name = stream.Name,
        Description = stream.Description,
        Subjects = stream.Subjects,
        Retention = RetentionPolicy.Limits,
        Storage = StorageType.File,
        NumReplicas = options.Value.Replicas,
        MaxAge = options.Value.MaxAgeOf(stream),
        DuplicateWindow = options.Value.DuplicateWindow,
        Discard = DiscardPolicy.Old,
    };

    /// <summary>A durable pull consumer that starts at the stream's first message and wants an explicit ack for each.</summary>
    public static ConsumerConfig GroupConfig(string group) => new()
    {
        DurableName = group,
        Description = $"consumer group {group}",
        DeliverPolicy = DeliverPolicy.All,
        AckPolicy = AckPolicy.Explicit,
        AckWait = AckWait,
    };

    /// <summary>Every stream of the catalog with its groups of §10, plus <paramref name="extraGroups"/> (stream, group).</summary>
    public async Task ProvisionAsync(JetStreamContext jetStream, IEnumerable<(string Stream, string Group)> extraGroups, CancellationToken cancellationToken)
    {
        var groups = EventCatalog.Streams
            .SelectMany(s => s.ConsumerGroups.Select(g => (Stream: s.Name, Group: g)))
            .Concat(extraGroups)
            .Distinct()
            .ToList();
        foreach (var stream in EventCatalog.Streams)
        {
            await jetStream.CreateOrUpdateStreamAsync(ConfigFor(stream), cancellationToken).ConfigureAwait(false);
            foreach (var (_, group) in groups.Where(g => g.Stream == stream.Name))
                await jetStream.CreateOrUpdateConsumerAsync(stream.Name, GroupConfig(group), cancellationToken).ConfigureAwait(false);
        }
        Log.Provisioned(logger, EventCatalog.Streams.Count, groups.Count, options.Value.Replicas);
    }
}
