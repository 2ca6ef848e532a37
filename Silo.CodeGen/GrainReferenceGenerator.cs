using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Daarion.Silo.CodeGen;

/// <summary>
/// Generates a grain reference for every grain interface declared in the compilation, as Orleans' code generator
/// does, so grain calls are typed and allocation-light instead of going through reflection proxies.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainReferenceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is INamedTypeSymbol symbol
                    && GrainInterfaceReader.IsGrainInterface(symbol)
                    && IsFirstDeclarationWithBaseList(symbol, syntax.Node, cancellationToken)
                        ? GrainInterfaceReader.Read(symbol)
                        : default)
            .Where(static result => result.Model is not null || result.Diagnostics.Count > 0);

        context.RegisterSourceOutput(interfaces, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var models = interfaces.Where(static result => result.Model is not null).Select(static (result, _) => result.Model!);
        // Each reference only needs the names of the others to avoid clashes; the names rarely change, so the
        // references stay cached across edits.
        var names = models.Collect().Select(static (all, _) => ReferenceNames.Resolve(all));
        context.RegisterSourceOutput(models.Combine(names), static (output, pair) =>
        {
            var (model, names) = pair;
            var className = names.ClassNameOf(model);
            output.AddSource(ReferenceNames.HintName(model.Namespace, className), GrainReferenceEmitter.Emit(model, className));
        });
    }

    /// <summary>A partial interface is read once, at its first declaration that can carry the IGrain base.</summary>
    private static bool IsFirstDeclarationWithBaseList(INamedTypeSymbol symbol, SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax { BaseList: not null } declaration)
            {
                return declaration.SyntaxTree == node.SyntaxTree && declaration.Span == node.Span;
            }
        }
        return false;
    }
}
