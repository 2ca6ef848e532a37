namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// An admin write's answer: the value or the error; <see cref="Replayed"/> when it is the answer saved for an earlier
/// request with the same idempotency key.
/// </summary>
public sealed record EnergyResult<T>(T? Value, EnergyError? Error, bool Replayed = false) where T : class
{
    public static EnergyResult<T> Ok(T value) => new(value, null);

    public static EnergyResult<T> Fail(EnergyErrorCode code, string detail) => new(null, new EnergyError(code, detail));
}
