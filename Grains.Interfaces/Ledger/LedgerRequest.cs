using Daarion.Silo.Events;

namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// Who asks for a write and under which idempotency key. Keys are scoped per caller (<see cref="Scope"/>): two
/// callers never collide on a key.
/// </summary>
public sealed record LedgerRequest(string Scope, string IdempotencyKey, EventActor Actor)
{
    /// <summary>Longest accepted key (Stripe's limit).</summary>
    public const int MaxKeyLength = 255;
}
