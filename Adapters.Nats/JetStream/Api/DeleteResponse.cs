namespace Daarion.Adapters.Nats.JetStream.Api;

internal sealed record DeleteResponse(bool Success);
