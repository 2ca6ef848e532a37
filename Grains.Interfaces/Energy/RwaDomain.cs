using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>What a site's real-world assets are (seed 42 §8.8): energy, food or water.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RwaDomain>))]
public enum RwaDomain
{
    [JsonStringEnumMemberName("energy")] Energy,
    [JsonStringEnumMemberName("food")] Food,
    [JsonStringEnumMemberName("water")] Water,
}
