using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.Protocol;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NatsServerInfo))]
[JsonSerializable(typeof(ConnectCommand))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
