using System.Text;

namespace Daarion.Adapters.Nats.Protocol;

// A request's reply as a NatsMsg; the server's 503 status means nobody listens on the subject.
internal sealed class RequestReply(string subject, NatsConnection connection, TimeSpan timeout)
    : TaskCompletionSource<NatsMsg>(TaskCreationOptions.RunContinuationsAsynchronously), IReplyHandler
{
    public void OnReply(in RawMessage message)
    {
        if (message.StatusCode == 503)
            TrySetException(new NatsNoRespondersException(subject));
        else
            TrySetResult(NatsMsg.Create(message, Encoding.UTF8.GetString(message.Subject), connection));
    }

    public void OnTimeout() =>
        TrySetException(new NatsTimeoutException($"No reply to the request on '{subject}' within {timeout.TotalMilliseconds:0} ms."));

    public void OnFailure(Exception error) => TrySetException(error);
}
