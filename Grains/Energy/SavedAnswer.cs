namespace Daarion.Grains.Energy;

/// <summary>The answer saved for an admin write's idempotency key: the request it answered (hash), the operation and the outcome JSON.</summary>
internal sealed record SavedAnswer(byte[] RequestHash, string Operation, string Outcome);
