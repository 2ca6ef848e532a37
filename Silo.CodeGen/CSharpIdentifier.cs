using Microsoft.CodeAnalysis.CSharp;

namespace Daarion.Silo.CodeGen;

internal static class CSharpIdentifier
{
    /// <summary>
    /// A symbol's name as it must be written in generated code: keywords get an @ (a verbatim @event parameter is
    /// named "event"). Contextual keywords are escaped too, since @ is harmless where they would be identifiers.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
