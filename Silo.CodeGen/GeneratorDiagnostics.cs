using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen;

internal static class GeneratorDiagnostics
{
    private const string Category = "Daarion.Silo";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "DSILO001", "Grain method must return a task",
        "Grain method '{0}.{1}' must return Task, Task<T>, ValueTask or ValueTask<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMethodShape = new(
        "DSILO002", "Unsupported grain method",
        "Grain method '{0}.{1}' cannot be generic or variadic, or take ref, out or in parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "DSILO003", "Grain interfaces only have methods",
        "Grain interface '{0}' declares '{1}', which is not a method; grain calls are methods only",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedInterface = new(
        "DSILO004", "Unsupported grain interface",
        "Grain interface '{0}' must be non-generic and not private or protected",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StaticAbstractMember = new(
        "DSILO005", "Grain interfaces cannot have static abstract members",
        "Grain interface '{0}' declares static abstract member '{1}', which a grain reference cannot implement",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
        "DSILO006", "Unsupported grain method parameter type",
        "Grain method '{0}' takes parameter '{1}' of a pointer or ref struct type, which a grain request cannot hold",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
