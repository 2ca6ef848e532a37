using System.Text.Json;

namespace Daarion.Events.Subscriptions;

/// <summary>An event as a handler receives it: the envelope of seed 42 §6 and where it sits in its stream.</summary>
public sealed record ConsumedEvent
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public required string EventId { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string Domain { get; init; }

    public required string Type { get; init; }

    public required int Version { get; init; }

    public required ConsumedActor Actor { get; init; }

    /// <summary>The type-specific payload (snake_case names; money as decimal strings).</summary>
    public required JsonElement Payload { get; init; }

    public string? TeamId { get; init; }

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    public required string Subject { get; init; }

    public required string Stream { get; init; }

    public ulong StreamSequence { get; init; }

    /// <summary>1 on the first delivery, more when JetStream delivers it again.</summary>
    public ulong Delivery { get; init; }

    /// <summary>The payload as <typeparamref name="T"/>, snake_case names mapped to its properties.</summary>
    public T PayloadAs<T>() => Payload.Deserialize<T>(SnakeCase) ?? throw new JsonException($"The payload of {EventId} is null.");

    /// <summary>Reads an envelope; throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> for one that is not §6's.</summary>
    public static ConsumedEvent Parse(ReadOnlyMemory<byte> envelope, string subject, string stream, ulong streamSequence, ulong delivery)
    {
        using var document = JsonDocument.Parse(envelope);
        var root = document.RootElement;
        var actor = root.GetProperty("actor");
        var meta = root.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new ConsumedEvent
        {
            EventId = root.GetProperty("event_id").GetString() ?? throw new JsonException("event_id is null."),
            Ts = root.GetProperty("ts").GetDateTimeOffset(),
            Domain = root.GetProperty("domain").GetString()!,
            Type = root.GetProperty("type").GetString()!,
            Version = root.GetProperty("version").GetInt32(),
            Actor = new ConsumedActor(actor.GetProperty("id").GetString()!, actor.GetProperty("kind").GetString()!),
            Payload = root.GetProperty("payload").Clone(),
            TeamId = Text(meta, "team_id"),
            TraceId = Text(meta, "trace_id"),
            SpanId = Text(meta, "span_id"),
            Subject = subject,
            Stream = stream,
            StreamSequence = streamSequence,
            Delivery = delivery,
        };
    }

    private static string? Text(JsonElement meta, string name) =>
        meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(name, out var value) ? value.GetString() : null;
}
