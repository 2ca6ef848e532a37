namespace Daarion.Grains.Ledger;

/// <summary>The idempotency key of a write, its scope (the caller) and the hash of the request it was first used for.</summary>
internal sealed record IdempotencyStamp(string Scope, string Key, byte[] RequestHash);
