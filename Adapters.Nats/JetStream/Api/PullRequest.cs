namespace Daarion.Adapters.Nats.JetStream.Api;

// The body of CONSUMER.MSG.NEXT; the server answers 400 if 2 × idle_heartbeat exceeds expires.
internal sealed record PullRequest(int Batch, TimeSpan? Expires, bool? NoWait, long? MaxBytes, TimeSpan? IdleHeartbeat);
