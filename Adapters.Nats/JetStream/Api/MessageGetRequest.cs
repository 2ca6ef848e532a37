namespace Daarion.Adapters.Nats.JetStream.Api;

// One of the two: a sequence, or the last message on a subject.
internal sealed record MessageGetRequest(ulong? Seq, string? LastBySubj);
