using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>What a full stream does with a new message: drop the oldest ones, or refuse the new one.</summary>
public enum DiscardPolicy
{
    [JsonStringEnumMemberName("old")]
    Old,

    [JsonStringEnumMemberName("new")]
    New,
}
