namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// A ledger write's answer: the value, or the error; <see cref="Replayed"/> when it is the saved answer to an
/// earlier request with the same idempotency key.
/// </summary>
public sealed record LedgerResult<T>(T? Value, LedgerError? Error, bool Replayed = false) where T : class
{
    public static LedgerResult<T> Ok(T value) => new(value, null);

    public static LedgerResult<T> Fail(LedgerError error) => new(null, error);

    public static LedgerResult<T> Fail(LedgerErrorCode code, string detail) => new(null, new LedgerError(code, detail));
}
