using System.Text.Json.Serialization;

namespace Daarion.Events.Replay;

[JsonConverter(typeof(JsonStringEnumConverter<ReplayState>))]
public enum ReplayState
{
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Every event the consumer had when it was created (and since) was handled.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The host stopped before the replay finished.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
