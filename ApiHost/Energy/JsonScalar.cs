using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// A JSON number or string, kept as the exact text sent: values are parsed as decimals from it (never through
/// floating point), and device signatures cover it as the device wrote it.
/// </summary>
[JsonConverter(typeof(JsonScalarConverter))]
public readonly record struct JsonScalar(string Text);
