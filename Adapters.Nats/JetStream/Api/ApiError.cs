namespace Daarion.Adapters.Nats.JetStream.Api;

internal sealed record ApiError(int Code, int ErrCode, string? Description)
{
    public JetStreamApiException ToException() => new(Code, (JetStreamErrorCode)ErrCode, Description ?? "");
}
