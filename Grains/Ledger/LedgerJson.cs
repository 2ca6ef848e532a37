using System.Text.Json;
using System.Text.Json.Serialization;
using Daarion.Silo.Events;

namespace Daarion.Grains.Ledger;

/// <summary>How the ledger writes saved answers and events: snake_case names, amounts as decimal strings.</summary>
internal static class LedgerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new DecimalStringConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A saved {typeof(T).Name} is empty.");
}
