using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Daarion.Testing;

/// <summary>
/// A JSON Schema (draft 2020-12) validator for the subset the event schemas use: type, properties, required,
/// additionalProperties, items, enum, const, pattern, format (date-time, uuid), minimum, minItems, minLength, and
/// $ref into the document's own $defs. A schema using any other keyword is refused, so a schema cannot silently
/// claim a check this validator does not make. (No JSON Schema package is available here.)
/// </summary>
public sealed class JsonSchema
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs", "examples"];
    private static readonly HashSet<string> Assertions =
        ["type", "properties", "required", "additionalProperties", "items", "enum", "const", "pattern", "format", "minimum", "minItems", "minLength", "$ref"];

    private readonly JsonElement _root;

    private JsonSchema(JsonElement root)
    {
        _root = root;
        CheckKeywords(root, "#");
    }

    public static JsonSchema Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonSchema(document.RootElement.Clone());
    }

    /// <summary>Every violation, as "path: problem"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors);
            return;
        }
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected {type}, found {value.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value} is not one of {options}");
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: {value} is not {constant}");
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
                    errors.Add($"{path}: fewer than {minItems} items");
                if (schema.TryGetProperty("items", out var items))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{index++}]", errors);
                }
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
                    errors.Add($"{path}: {value} is below {minimum}");
                break;
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                errors.Add($"{path}: missing required '{name}'");
        }
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Check(propertySchema, property.Value, at, errors);
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False) errors.Add($"{at}: not allowed");
                else if (additional.ValueKind == JsonValueKind.Object) Check(additional, property.Value, at, errors);
            }
        }
    }

    private static void CheckString(JsonElement schema, string value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minLength", out var minLength) && value.Length < minLength.GetInt32())
            errors.Add($"{path}: shorter than {minLength}");
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value, pattern.GetString()!))
            errors.Add($"{path}: '{value}' does not match {pattern}");
        if (schema.TryGetProperty("format", out var format) && !FormatMatches(format.GetString()!, value))
            errors.Add($"{path}: '{value}' is not a {format}");
    }

    private static bool FormatMatches(string format, string value) => format switch
    {
        // RFC 3339: a date, 'T', a time and an offset (Z or ±hh:mm).
        "date-time" => Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uuid" => Guid.TryParseExact(value, "D", out _),
        _ => throw new NotSupportedException($"format '{format}' is not supported"),
    };

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(t, value))
        : type.GetString() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            var other => throw new NotSupportedException($"type '{other}' is not a JSON Schema type"),
        };

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal) || !_root.TryGetProperty("$defs", out var defs)
            || !defs.TryGetProperty(reference[Prefix.Length..], out var target))
        {
            throw new NotSupportedException($"$ref '{reference}' does not name an entry of this schema's $defs");
        }
        return target;
    }

    // Walks every subschema once at load: an unsupported keyword is an error in the schema, not a silent pass.
    private static void CheckKeywords(JsonElement schema, string path)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False) return;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !Assertions.Contains(keyword.Name))
                throw new NotSupportedException($"{path}: keyword '{keyword.Name}' is not supported by this validator");
            switch (keyword.Name)
            {
                case "properties" or "$defs":
                    foreach (var child in keyword.Value.EnumerateObject()) CheckKeywords(child.Value, $"{path}/{keyword.Name}/{child.Name}");
                    break;
                case "items" or "additionalProperties":
                    CheckKeywords(keyword.Value, $"{path}/{keyword.Name}");
                    break;
                case "format":
                    FormatMatches(keyword.Value.GetString()!, "");
                    break;
            }
        }
    }
}
