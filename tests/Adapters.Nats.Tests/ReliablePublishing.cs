using System.Collections.Concurrent;
using System.Text;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

// What the outbox relay will do: publish every message with its id through a pipelined publisher and publish it again
// (same id, so the stream drops a copy it already has) until it is acknowledged.
internal sealed class ReliablePublishing(JetStreamPublisher publisher, string subject, int count)
{
    private readonly ConcurrentDictionary<string, PubAck> _acks = new();
    private readonly TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _progressTarget = int.MaxValue;
    private int _retries;

    public IReadOnlyDictionary<string, PubAck> Acks => _acks;

    public int Retries => Volatile.Read(ref _retries);

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, count).Select(i => PublishUntilAcknowledgedAsync($"m{i}")));

    /// <summary>Completes once this many messages are acknowledged; returns how many were by then.</summary>
    public async Task<int> AcknowledgedAsync(int target)
    {
        Volatile.Write(ref _progressTarget, target);
        if (_acks.Count >= target)
            _progress.TrySetResult();
        await _progress.Task.WaitAsync(StateWaiter.Patience);
        return _acks.Count;
    }

    /// <summary>Every acknowledged message is in the stream at its acknowledged sequence, and nothing twice.</summary>
    public async Task AssertAllStoredAsync(JetStreamContext js, string stream)
    {
        Assert.Equal(count, _acks.Count);
        foreach (var chunk in _acks.Chunk(100))
        {
            var stored = await Task.WhenAll(chunk.Select(ack => js.GetMessageAsync(stream, ack.Value.Seq)));
            for (var i = 0; i < chunk.Length; i++)
                Assert.Equal(chunk[i].Key, stored[i].Headers?["Nats-Msg-Id"]);
        }
        Assert.Equal((ulong)count, (await js.GetStreamInfoAsync(stream)).State.Messages);
    }

    private async Task PublishUntilAcknowledgedAsync(string id)
    {
        var data = Encoding.ASCII.GetBytes(id);
        while (true)
        {
            try
            {
                var ack = await await publisher.PublishAsync(subject, data, options: new JetStreamPublishOptions { MsgId = id });
                _acks[id] = ack;
                if (_acks.Count >= Volatile.Read(ref _progressTarget))
                    _progress.TrySetResult();
                return;
            }
            catch (NatsException e)
            {
                Interlocked.Increment(ref _retries);
                // No stream leader yet (503) or JetStream still recovering: give it a moment. A lost ack (timeout) was
                // already a wait.
                if (e is NatsNoRespondersException or JetStreamApiException)
                    await Task.Delay(50);
            }
        }
    }
}
