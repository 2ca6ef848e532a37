namespace Daarion.Grains.Access;

/// <summary>A refused registry change: the code and a detail naming the field or reference at fault.</summary>
public sealed record RegistryError(RegistryErrorCode Code, string Detail);
