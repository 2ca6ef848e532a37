namespace Daarion.Silo;

/// <summary>On a grain class: requests may interleave at await points instead of running one turn at a time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
