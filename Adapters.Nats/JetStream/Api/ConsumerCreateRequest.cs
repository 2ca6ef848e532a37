namespace Daarion.Adapters.Nats.JetStream.Api;

internal sealed record ConsumerCreateRequest(string StreamName, ConsumerConfig Config);
