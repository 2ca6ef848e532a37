using System.Text.Json.Serialization;
using Daarion.Silo.Events;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// Serialization of the batch answer, generated at compile time: it holds one result per reading (up to 10,000), so
/// reflection-based serialization would cost more than the readings themselves. Same conventions as every answer.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(DecimalStringConverter)])]
[JsonSerializable(typeof(ReadingBatchResponse))]
internal sealed partial class EnergyJsonContext : JsonSerializerContext;
