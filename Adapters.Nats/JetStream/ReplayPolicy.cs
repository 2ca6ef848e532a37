using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>Whether stored messages are delivered as fast as possible or at their original pace.</summary>
public enum ReplayPolicy
{
    [JsonStringEnumMemberName("instant")]
    Instant,

    [JsonStringEnumMemberName("original")]
    Original,
}
