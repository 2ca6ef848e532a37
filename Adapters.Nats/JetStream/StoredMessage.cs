namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A message as a stream stores it, read directly by sequence or subject.</summary>
public sealed record StoredMessage(string Subject, ulong Seq, NatsHeaders? Headers, ReadOnlyMemory<byte> Data, DateTimeOffset Time);
