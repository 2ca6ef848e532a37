using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>The units readings may come in; everything is normalized to kWh.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnergyUnit>))]
public enum EnergyUnit
{
    [JsonStringEnumMemberName("Wh")] Wh,
    [JsonStringEnumMemberName("kWh")] KWh,
    [JsonStringEnumMemberName("MWh")] MWh,
}
