using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Daarion.Silo.CodeGen.Tests;

/// <summary>What one generator run produced: the updated compilation, the generator's own diagnostics and its sources.</summary>
internal sealed record GeneratorRun(
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Exception> Exceptions)
{
    public IEnumerable<string> HintNames => Sources.Select(s => s.HintName);

    /// <summary>Errors of the compilation after generation: the generated code must compile against the user's interfaces.</summary>
    public ImmutableArray<Diagnostic> OutputErrors =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Warnings in generated code: consumers build with warnings as errors, so these break them too.</summary>
    public ImmutableArray<Diagnostic> GeneratedCodeWarnings =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning
            && d.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree))];

    public INamedTypeSymbol? Type(string metadataName) => Output.GetTypeByMetadataName(metadataName);

    /// <summary>The assembly attributes the generator added, as (interface, reference) metadata names.</summary>
    public IReadOnlyList<(string Interface, string Reference)> FactoryAttributes =>
        [.. Output.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "Daarion.Silo.Runtime.GrainReferenceFactoryAttribute")
            .Select(a => (Name(a.ConstructorArguments[0]), Name(a.ConstructorArguments[1])))];

    private static string Name(TypedConstant argument) =>
        argument.Value is INamedTypeSymbol type ? MetadataName(type) : "<not a type>";

    public static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? $"{MetadataName(outer)}+{type.MetadataName}"
        : type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName
        : $"{type.ContainingNamespace.ToDisplayString()}.{type.MetadataName}";
}

/// <summary>Compiles C# source against Daarion.Silo and runs <see cref="GrainReferenceGenerator"/> over it.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GeneratorRun Run(string source, params MetadataReference[] extraReferences)
    {
        var input = Compile("Daarion.CodeGen.Sample", source, extraReferences);
        var inputErrors = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(inputErrors.Length == 0, "The source under test must compile by itself:\n" + string.Join("\n", inputErrors.Select(e => e.ToString())));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new GrainReferenceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(input, output, diagnostics, result.GeneratedSources,
            result.Exception is null ? [] : [result.Exception]);
    }

    /// <summary>A plain compilation (no generator) of <paramref name="source"/>, for building referenced assemblies.</summary>
    public static CSharpCompilation Compile(string assemblyName, string source, params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: assemblyName + ".cs")],
            [.. References.Value, .. extraReferences],
            // Unsafe is allowed so that pointer parameters reach the generator's own diagnostic.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <summary>Emits <paramref name="compilation"/> to memory; fails the test with the errors if it cannot.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + string.Join("\n", emit.Diagnostics.Select(d => d.ToString())));
        return stream.ToArray();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var platform = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "";
        foreach (var path in platform.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)) paths.Add(path);
        paths.Add(typeof(IGrain).Assembly.Location);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
