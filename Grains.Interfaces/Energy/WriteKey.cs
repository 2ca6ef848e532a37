namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// The idempotency key of an admin write: its scope (the caller), the key and the hash of the request it was first
/// used with. The grain saves the answer under it in the transaction that makes the write's effect.
/// </summary>
public sealed record WriteKey(string Scope, string Key, byte[] RequestHash);
