namespace Daarion.Silo;

/// <summary>On a grain interface method: the call may run while any other request of the activation is in progress.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
