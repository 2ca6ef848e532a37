using System.Text.Json;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// Reads reading objects straight from the request's UTF-8 JSON into <see cref="ReadingText"/>: no type binding,
/// no string per field. A field of the wrong JSON type makes that reading invalid, not the whole document; JSON that
/// is not well-formed throws <see cref="JsonException"/> (400).
/// </summary>
internal static class ReadingJson
{
    /// <summary>Reads the object the reader stands on (its StartObject) up to and including its EndObject.</summary>
    public static void ReadObject(scoped ref Utf8JsonReader reader, ReadingFieldNames names, out ReadingText text)
    {
        text = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader, names);
            reader.Read();
            if (field == Field.Unknown || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }
            var numberAllowed = field is Field.Seq or Field.Value;
            if (reader.TokenType != JsonTokenType.String && !(numberAllowed && reader.TokenType == JsonTokenType.Number))
            {
                text.Malformed ??= $"{Name(field, names)} must be {(numberAllowed ? "a number or a string" : "a string")}.";
                reader.Skip();
                continue;
            }
            // Escaped strings are rare; unescaping them costs an array, so the text signed and parsed is the real one.
            var value = reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;
            switch (field)
            {
                case Field.SiteId: text.SiteId = value; break;
                case Field.Seq: text.Seq = value; break;
                case Field.Value: text.Value = value; break;
                case Field.Unit: text.Unit = value; break;
                case Field.Ts: text.Ts = value; break;
                case Field.KeyId: text.KeyId = value; break;
                case Field.Signature: text.Signature = value; break;
                case Field.Platform: text.Platform = value; break;
                default: text.Domain = value; break;
            }
        }
    }

    /// <summary>Reads a whole document that is one reading object (a webhook body).</summary>
    public static void ReadDocument(ReadOnlySpan<byte> json, ReadingFieldNames names, out ReadingText text)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The body must be a JSON object.");
        ReadObject(ref reader, names, out text);
        if (reader.Read()) throw new JsonException("The body must hold one JSON object and nothing after it.");
    }

    private static byte[] Unescaped(scoped ref Utf8JsonReader reader)
    {
        var buffer = new byte[reader.ValueSpan.Length];
        return buffer[..reader.CopyString(buffer)];
    }

    private static Field FieldOf(scoped ref Utf8JsonReader reader, ReadingFieldNames names)
    {
        if (reader.ValueTextEquals(names.SiteIdUtf8)) return Field.SiteId;
        if (reader.ValueTextEquals(names.ValueUtf8)) return Field.Value;
        if (reader.ValueTextEquals("seq"u8)) return Field.Seq;
        if (reader.ValueTextEquals("ts"u8)) return Field.Ts;
        if (reader.ValueTextEquals("unit"u8)) return Field.Unit;
        if (reader.ValueTextEquals("key_id"u8)) return Field.KeyId;
        if (reader.ValueTextEquals("signature"u8)) return Field.Signature;
        if (reader.ValueTextEquals("platform"u8)) return Field.Platform;
        return reader.ValueTextEquals("domain"u8) ? Field.Domain : Field.Unknown;
    }

    private static string Name(Field field, ReadingFieldNames names) => field switch
    {
        Field.SiteId => names.SiteId,
        Field.Value => names.Value,
        Field.Seq => "seq",
        Field.Ts => "ts",
        Field.Unit => "unit",
        Field.KeyId => "key_id",
        Field.Signature => "signature",
        Field.Platform => "platform",
        _ => "domain",
    };

    private enum Field
    {
        Unknown,
        SiteId,
        Seq,
        Value,
        Unit,
        Ts,
        KeyId,
        Signature,
        Platform,
        Domain,
    }
}
