using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>How a consumer's messages are acknowledged.</summary>
public enum AckPolicy
{
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Acknowledging a message acknowledges every earlier one too.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    [JsonStringEnumMemberName("explicit")]
    Explicit,
}
