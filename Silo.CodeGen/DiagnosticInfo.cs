using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen;

/// <summary>A diagnostic found while modelling an interface, reported when the pipeline outputs.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, string Subject, string Member)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Subject, Member);
}
