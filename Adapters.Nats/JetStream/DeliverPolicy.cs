using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>Where a new consumer starts in its stream.</summary>
public enum DeliverPolicy
{
    [JsonStringEnumMemberName("all")]
    All,

    [JsonStringEnumMemberName("last")]
    Last,

    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>From <see cref="ConsumerConfig.OptStartSeq"/>.</summary>
    [JsonStringEnumMemberName("by_start_sequence")]
    ByStartSequence,

    /// <summary>From <see cref="ConsumerConfig.OptStartTime"/>.</summary>
    [JsonStringEnumMemberName("by_start_time")]
    ByStartTime,

    [JsonStringEnumMemberName("last_per_subject")]
    LastPerSubject,
}
