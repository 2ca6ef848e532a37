using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen;

/// <summary>Turns a grain interface symbol into a <see cref="GrainInterfaceModel"/>, or diagnostics saying why it cannot.</summary>
internal static class GrainInterfaceReader
{
    private const string GrainMarker = "Daarion.Silo.IGrain";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static bool IsGrainInterface(INamedTypeSymbol symbol) =>
        symbol.TypeKind == TypeKind.Interface
        && symbol.ToDisplayString() is not (GrainMarker or "Daarion.Silo.IGrainWithStringKey")
        && symbol.AllInterfaces.Any(i => i.ToDisplayString() == GrainMarker);

    public static (GrainInterfaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) Read(INamedTypeSymbol symbol)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var name = symbol.ToDisplayString();
        if (symbol.IsGenericType || !IsAccessible(symbol))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.UnsupportedInterface, symbol.Locations.FirstOrDefault(), name, ""));
            return (null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        // As in Orleans, every method the interface inherits is a grain call, also from base interfaces that do not
        // derive from IGrain: the reference has to implement them all, and the grain class implements them anyway.
        var methods = new List<GrainMethodModel>();
        foreach (var declaring in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            foreach (var member in declaring.GetMembers())
            {
                ReadMember(symbol, declaring, member, methods, diagnostics);
            }
        }

        var model = new GrainInterfaceModel(
            symbol.ToDisplayString(TypeFormat),
            NamespaceOf(symbol),
            ReferenceClassName(symbol),
            symbol.DeclaredAccessibility == Accessibility.Public && (symbol.ContainingType?.DeclaredAccessibility ?? Accessibility.Public) == Accessibility.Public,
            new EquatableArray<GrainMethodModel>(methods.ToArray()));
        return (diagnostics.Count == 0 ? model : null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static void ReadMember(INamedTypeSymbol grainInterface, INamedTypeSymbol declaring, ISymbol member, List<GrainMethodModel> methods, List<DiagnosticInfo> diagnostics)
    {
        // Accessors are judged with their property or event.
        if (member is IMethodSymbol { AssociatedSymbol: not null }) return;

        if (member.IsStatic)
        {
            // Other static members are helpers the reference inherits; a static abstract one it would have to implement.
            if (member.IsAbstract)
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.StaticAbstractMember, LocationOf(member, grainInterface), declaring.ToDisplayString(), member.Name));
            }
            return;
        }

        // Private and sealed members are not overridable (explicit implementations in interfaces are not either):
        // they are helpers with a body, not calls.
        if (!member.IsAbstract && !member.IsVirtual) return;

        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            if (ReadMethod(grainInterface, declaring, method, diagnostics) is { } methodModel) methods.Add(methodModel);
        }
        else if (member is IPropertySymbol or IEventSymbol)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.UnsupportedMember, LocationOf(member, grainInterface), declaring.ToDisplayString(), member.Name));
        }
    }

    private static GrainMethodModel? ReadMethod(INamedTypeSymbol grainInterface, INamedTypeSymbol declaring, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var location = LocationOf(method, grainInterface);
        if (method.IsGenericMethod || method.IsVararg || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.UnsupportedMethodShape, location, declaring.ToDisplayString(), method.Name));
            return null;
        }

        // A request keeps its arguments in fields and boxes them for filters.
        var unstorable = method.Parameters.Where(p => p.Type.IsRefLikeType || p.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer).ToList();
        foreach (var parameter in unstorable)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.UnsupportedParameterType, LocationOf(parameter, grainInterface), $"{declaring.ToDisplayString()}.{method.Name}", parameter.Name));
        }
        if (unstorable.Count > 0) return null;

        var returnType = method.ReturnType as INamedTypeSymbol;
        var definition = returnType?.ConstructedFrom.ToDisplayString();
        ReturnKind? kind = definition switch
        {
            "System.Threading.Tasks.Task" => ReturnKind.Task,
            "System.Threading.Tasks.Task<TResult>" => ReturnKind.TaskOfT,
            "System.Threading.Tasks.ValueTask" => ReturnKind.ValueTask,
            "System.Threading.Tasks.ValueTask<TResult>" => ReturnKind.ValueTaskOfT,
            _ => null,
        };
        if (kind is null || returnType is null)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.UnsupportedReturnType, location, declaring.ToDisplayString(), method.Name));
            return null;
        }

        var resultType = returnType.TypeArguments.Length == 1 ? returnType.TypeArguments[0].ToDisplayString(TypeFormat) : null;
        return new GrainMethodModel(
            CSharpIdentifier.Escape(method.Name),
            method.MetadataName,
            declaring.ToDisplayString(TypeFormat),
            kind.Value,
            returnType.ToDisplayString(TypeFormat),
            resultType,
            new EquatableArray<ParameterModel>(method.Parameters.Select(ReadParameter).ToArray()));
    }

    private static ParameterModel ReadParameter(IParameterSymbol parameter)
    {
        var name = CSharpIdentifier.Escape(parameter.Name);
        // A dynamic parameter is an object at run time, and typeof(dynamic) is refused. Keeping it dynamic in the
        // generated code would also bind the calls that pass it at run time.
        if (parameter.Type.TypeKind == TypeKind.Dynamic)
        {
            return new ParameterModel(parameter.Type.NullableAnnotation == NullableAnnotation.Annotated ? "object?" : "object", "object", name);
        }
        return new ParameterModel(parameter.Type.ToDisplayString(TypeFormat), parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), name);
    }

    /// <summary>The member's declaration, or the grain interface when the member comes from a referenced assembly.</summary>
    private static Location? LocationOf(ISymbol member, INamedTypeSymbol grainInterface) =>
        member.Locations.FirstOrDefault(l => l.IsInSource) ?? grainInterface.Locations.FirstOrDefault();

    private static bool IsAccessible(INamedTypeSymbol symbol)
    {
        for (var type = symbol; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)) return false;
        }
        return true;
    }

    // Names as declared, without the @ that display strings add to keywords; the emitter escapes them.
    private static string? NamespaceOf(INamedTypeSymbol symbol)
    {
        var names = new List<string>();
        for (var @namespace = symbol.ContainingNamespace; !@namespace.IsGlobalNamespace; @namespace = @namespace.ContainingNamespace) names.Insert(0, @namespace.Name);
        return names.Count == 0 ? null : string.Join(".", names);
    }

    // Nested interfaces get their containing types in the name: Outer_IFoo_GrainReference. Clashes with another
    // interface's name are resolved across the compilation by ReferenceNames.
    private static string ReferenceClassName(INamedTypeSymbol symbol)
    {
        var names = new List<string>();
        for (var type = symbol; type is not null; type = type.ContainingType) names.Insert(0, type.Name);
        return string.Join("_", names) + "_GrainReference";
    }
}
