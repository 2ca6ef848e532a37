using System.ComponentModel;

namespace Daarion.Silo.Runtime;

/// <summary>
/// Emitted by the code generator: names the reference type generated for a grain interface. The type has a
/// static <c>Create(GrainRuntime, GrainId)</c> method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainReferenceFactoryAttribute(Type interfaceType, Type referenceType) : Attribute
{
    public Type InterfaceType { get; } = interfaceType;
    public Type ReferenceType { get; } = referenceType;
}
