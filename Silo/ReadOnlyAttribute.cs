namespace Daarion.Silo;

/// <summary>On a grain interface method: the call does not change state, so it may interleave with other read-only calls.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
