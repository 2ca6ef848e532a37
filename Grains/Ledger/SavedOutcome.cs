using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Ledger;

/// <summary>The JSON saved with an idempotency key for answers that are not journal transactions.</summary>
internal sealed record SavedOutcome<T>(T? Value, LedgerError? Error) where T : class
{
    public LedgerResult<T> ToResult() => new(Value, Error, Replayed: true);
}
