using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>The Embassy endpoint a webhook arrived at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookRoute>))]
public enum WebhookRoute
{
    [JsonStringEnumMemberName("energy")] Energy,
    [JsonStringEnumMemberName("oracle")] Oracle,
    [JsonStringEnumMemberName("rwa")] Rwa,
}
