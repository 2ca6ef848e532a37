namespace Daarion.Silo.Runtime;

/// <summary>A grain interface bound to its implementation class and its generated reference factory.</summary>
internal sealed record GrainBinding(GrainClassInfo Class, Func<GrainRuntime, GrainId, GrainReference> CreateReference);
