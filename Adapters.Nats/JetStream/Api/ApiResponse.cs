namespace Daarion.Adapters.Nats.JetStream.Api;

// Every JetStream API response may carry an error instead of its body; read first, on its own.
internal record ApiResponse
{
    public ApiError? Error { get; init; }
}
