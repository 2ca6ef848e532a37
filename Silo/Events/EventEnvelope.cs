using System.Text.Json;
using System.Text.Json.Serialization;

namespace Daarion.Silo.Events;

/// <summary>The wire shape of seed 42 §6, exactly: event_id, ts, domain, type, version, actor, payload, meta.</summary>
internal sealed record EventEnvelope(
    string EventId,
    DateTimeOffset Ts,
    string Domain,
    string Type,
    int Version,
    EventActor Actor,
    object Payload,
    EventMeta Meta)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new DecimalStringConverter() },
    };

    public static string Serialize(OutboxEvent e) => JsonSerializer.Serialize(Of(e), Json);

    public static void Write(Utf8JsonWriter writer, OutboxEvent e) => JsonSerializer.Serialize(writer, Of(e), Json);

    private static EventEnvelope Of(OutboxEvent e) => new(e.EventId, e.Ts, e.Domain, e.Type, e.Version, e.Actor, e.Payload, e.Meta);
}
