using System.Text.Json.Serialization;

namespace Daarion.Adapters.Nats.JetStream.Api;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(NanosecondsConverter)])]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(PubAckResponse))]
[JsonSerializable(typeof(StreamConfig))]
[JsonSerializable(typeof(StreamInfo))]
[JsonSerializable(typeof(ConsumerCreateRequest))]
[JsonSerializable(typeof(ConsumerInfo))]
[JsonSerializable(typeof(DeleteResponse))]
[JsonSerializable(typeof(MessageGetRequest))]
[JsonSerializable(typeof(MessageGetResponse))]
[JsonSerializable(typeof(PullRequest))]
internal sealed partial class JetStreamJsonContext : JsonSerializerContext;
