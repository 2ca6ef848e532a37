using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

[JsonConverter(typeof(JsonStringEnumConverter<QuarantineStatus>))]
public enum QuarantineStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("released")] Released,
    [JsonStringEnumMemberName("rejected")] Rejected,
}
