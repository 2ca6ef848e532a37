using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Energy;

/// <summary>Reads a number's raw text or a string's value into a <see cref="JsonScalar"/>; writes it back as a string.</summary>
public sealed class JsonScalarConverter : JsonConverter<JsonScalar>
{
    public override JsonScalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new JsonScalar(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        JsonTokenType.String => new JsonScalar(reader.GetString()!),
        _ => throw new JsonException("Expected a number or a string."),
    };

    public override void Write(Utf8JsonWriter writer, JsonScalar value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}
