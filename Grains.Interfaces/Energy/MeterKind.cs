using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>What a meter reports: its running register (cumulative; the differences are paid) or the energy of each interval.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeterKind>))]
public enum MeterKind
{
    [JsonStringEnumMemberName("cumulative")] Cumulative,
    [JsonStringEnumMemberName("interval")] Interval,
}
