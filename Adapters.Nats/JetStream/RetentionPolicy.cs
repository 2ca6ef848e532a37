using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>When a stream lets go of a message.</summary>
public enum RetentionPolicy
{
    /// <summary>Kept until a limit (age, count, size) removes it.</summary>
    [JsonStringEnumMemberName("limits")]
    Limits,

    /// <summary>Kept while some consumer has not acknowledged it.</summary>
    [JsonStringEnumMemberName("interest")]
    Interest,

    /// <summary>Removed once one consumer acknowledged it.</summary>
    [JsonStringEnumMemberName("workqueue")]
    WorkQueue,
}
