using System.Text.Json;
using Daarion.Adapters.Nats.JetStream.Api;
using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats.JetStream;

// Waits for a stream's ack on the shared inbox and parses it straight from the read buffer. When the publish was
// pipelined, its place in the publisher's window is given back whatever the outcome.
internal sealed class PubAckReply(string subject, TimeSpan timeout, SemaphoreSlim? window)
    : TaskCompletionSource<PubAck>(TaskCreationOptions.RunContinuationsAsynchronously), IReplyHandler
{
    private int _windowReleased;

    public void OnReply(in RawMessage message)
    {
        if (message.StatusCode == 503)
        {
            Finish(new NatsNoRespondersException(subject));
            return;
        }
        PubAckResponse? response;
        try
        {
            var reader = new Utf8JsonReader(message.Payload);
            response = JsonSerializer.Deserialize(ref reader, JetStreamJsonContext.Default.PubAckResponse);
        }
        catch (JsonException e)
        {
            Finish(new NatsProtocolException($"Unreadable ack for the publish to '{subject}': {e.Message}"));
            return;
        }
        if (response is null)
            Finish(new NatsProtocolException($"Empty ack for the publish to '{subject}'."));
        else if (response.Error is { } error)
            Finish(error.ToException());
        else
            Finish(new PubAck { Stream = response.Stream, Seq = response.Seq, Duplicate = response.Duplicate, Domain = response.Domain });
    }

    public void OnTimeout() =>
        Finish(new NatsTimeoutException($"No ack for the publish to '{subject}' within {timeout.TotalMilliseconds:0} ms."));

    public void OnFailure(Exception error) => Finish(error);

    /// <summary>Gives the window place back (once, however often called): on the ack's outcome, or when sending failed.</summary>
    public void ReleaseWindow()
    {
        if (window is not null && Interlocked.Exchange(ref _windowReleased, 1) == 0)
            window.Release();
    }

    private void Finish(PubAck ack)
    {
        ReleaseWindow();
        TrySetResult(ack);
    }

    private void Finish(Exception error)
    {
        ReleaseWindow();
        TrySetException(error);
    }
}
