
namespace Daarion.Silo.CodeGen;

/// <summary>How a grain method returns: decides both the proxy's send call and the request's invocation adapter.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>
/// A parameter; <see cref="TypeOfName"/> drops nullable reference annotations, which typeof() refuses.
/// <see cref="Name"/> is escaped for use in code.
/// </summary>
internal sealed record ParameterModel(string Type, string TypeOfName, string Name);

/// <summary>A grain method; <see cref="Name"/> is escaped for code, <see cref="MetadataName"/> is what reflection sees.</summary>
internal sealed record GrainMethodModel(
    string Name,
    string MetadataName,
    string DeclaringInterface,
    ReturnKind ReturnKind,
    string ReturnType,
    string? ResultType,
    EquatableArray<ParameterModel> Parameters);

/// <summary>
/// A grain interface as the generator needs it: names only, so it caches across edits.
/// <see cref="ReferenceClassName"/> is the natural name, before clashes are resolved.
/// </summary>
internal sealed record GrainInterfaceModel(
    string FullyQualifiedName,
    string? Namespace,
    string ReferenceClassName,
    bool IsPublic,
    EquatableArray<GrainMethodModel> Methods);
