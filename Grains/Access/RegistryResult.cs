namespace Daarion.Grains.Access;

/// <summary>The outcome of a registry change: its value, or why nothing was changed.</summary>
public sealed record RegistryResult<T>(T? Value, RegistryError? Error)
{
    public static RegistryResult<T> Ok(T value) => new(value, null);

    public static RegistryResult<T> Fail(RegistryErrorCode code, string detail) => new(default, new RegistryError(code, detail));

    public static implicit operator RegistryResult<T>(RegistryError error) => new(default, error);
}
