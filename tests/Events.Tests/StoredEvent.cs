using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Events.Tests;

/// <summary>What a stream stores, read back in stream order through a throw-away consumer.</summary>
internal sealed record StoredEvent(ulong Sequence, string Subject, string? MsgId, JsonElement Envelope)
{
    public string EventId => Envelope.GetProperty("event_id").GetString()!;

    public string Key => Envelope.GetProperty("payload").GetProperty("key").GetString()!;

    public int KeySequence => Envelope.GetProperty("payload").GetProperty("sequence").GetInt32();

    public static async Task<List<StoredEvent>> ReadAllAsync(string natsUrl, string stream)
    {
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = natsUrl, RequestTimeout = TimeSpan.FromSeconds(10) });
        var jetStream = new JetStreamContext(connection);
        var info = await jetStream.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { AckPolicy = AckPolicy.None, InactiveThreshold = TimeSpan.FromMinutes(1) });
        var consumer = jetStream.GetConsumer(stream, info.Name);
        var stored = new List<StoredEvent>();
        var total = (await jetStream.GetStreamInfoAsync(stream)).State.Messages;
        for (var idle = 0; (ulong)stored.Count < total && idle < 3;)
        {
            var before = stored.Count;
            await foreach (var message in consumer.FetchAsync(new FetchOptions { MaxMessages = 1000, Expires = TimeSpan.FromSeconds(2) }))
            {
                using var document = JsonDocument.Parse(message.Data);
                stored.Add(new StoredEvent(message.Metadata.StreamSequence, message.Subject, message.Headers?["Nats-Msg-Id"], document.RootElement.Clone()));
            }
            idle = stored.Count == before ? idle + 1 : 0;
        }
        return stored;
    }
}
