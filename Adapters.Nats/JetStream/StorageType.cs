using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>Where a stream keeps its messages.</summary>
public enum StorageType
{
    [JsonStringEnumMemberName("file")]
    File,

    [JsonStringEnumMemberName("memory")]
    Memory,
}
