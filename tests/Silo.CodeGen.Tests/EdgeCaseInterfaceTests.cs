using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen.Tests;

/// <summary>
/// Grain interfaces at the edges of the language. Each one either gets a reference that compiles cleanly or is
/// reported with a DSILO error; none may break the consumer's build or make the generator throw (which would drop
/// every reference of the assembly).
/// </summary>
public sealed class EdgeCaseInterfaceTests
{
    [Theory]
    [InlineData("partial", "public partial interface IK : IGrain { Task Ping(); } public partial interface IK : IGrain { Task Pong(); }")]
    [InlineData("partial, IGrain on a later part", "public partial interface IK { Task Ping(); } public partial interface IK : IGrain { Task Pong(); }")]
    [InlineData("keyword parameter", "public interface IK : IGrain { Task Publish(string @event); }")]
    [InlineData("keyword method", "public interface IK : IGrain { Task @checked(); }")]
    [InlineData("keyword types", "public class @class { public interface @interface : IGrain { Task<@class> @return(@class @object); } }")]
    [InlineData("contextual keywords", "public interface IK : IGrain { Task<int> @await(int async, int var, int nameof, int value, int global); }")]
    [InlineData("non-grain base", "public interface IPingable { Task Ping(); } public interface IK : IGrain, IPingable { Task Pong(); }")]
    [InlineData("non-grain generic base", "public interface IHandler<T> { Task Handle(T message); } public interface IK : IGrain, IHandler<string>, IHandler<int> { }")]
    [InlineData("static method", "public interface IK : IGrain { Task Ping(); static Task Helper() => Task.CompletedTask; }")]
    [InlineData("static virtual method", "public interface IK : IGrain { Task Ping(); static virtual Task Make() => Task.CompletedTask; }")]
    [InlineData("private method", "public interface IK : IGrain { Task Ping(); private Task Helper() => Task.CompletedTask; }")]
    [InlineData("sealed method", "public interface IK : IGrain { Task Ping(); sealed Task Helper() => Task.CompletedTask; }")]
    [InlineData("static members", "public interface IK : IGrain { Task Ping(); const int Max = 1; static int Count { get; set; } static event System.Action? Changed; static IK() { } static IK operator +(IK a, IK b) => a; }")]
    [InlineData("default implementation", "public interface IK : IGrain { Task Ping() => Task.CompletedTask; }")]
    [InlineData("explicit implementation of a base method", "public interface IPingable { Task Ping(); } public interface IK : IGrain, IPingable { Task IPingable.Ping() => Task.CompletedTask; }")]
    [InlineData("dynamic", "public interface IK : IGrain { Task Put(dynamic value, dynamic? other, dynamic[] many, System.Collections.Generic.List<dynamic> list); Task<dynamic> Get(); }")]
    [InlineData("_arg parameter", "public interface IK : IGrain { Task<int> Add(int _arg1, int _arg0); }")]
    [InlineData("parameters named like generated members", "public interface IK : IGrain { Task<int> Add(int SendAsTask, int Add_Request0, int @this, int index, int grain, int Info); }")]
    [InlineData("name clash", "public class Outer { public interface IK : IGrain { Task Ping(); } } public interface Outer_IK : IGrain { Task Pong(); }")]
    [InlineData("case-only clash", "public interface IK : IGrain { Task Ping(); } public interface Ik : IGrain { Task Pong(); }")]
    public void EdgeCaseInterface_GetsReferenceThatCompilesCleanly(string name, string declaration)
    {
        var run = Run(declaration);

        Assert.True(run.Exceptions.IsEmpty, $"{name}: generator threw {string.Join("; ", run.Exceptions.Select(e => e.Message))}");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.True(run.OutputErrors.IsEmpty && run.GeneratedCodeWarnings.IsEmpty,
            $"{name}:\n" + string.Join("\n", run.OutputErrors.Concat(run.GeneratedCodeWarnings).Select(d => d.ToString())));
        // One reference per grain interface, each its own class.
        Assert.Equal(run.Sources.Length, run.FactoryAttributes.Count);
        Assert.Distinct(run.FactoryAttributes.Select(a => a.Interface));
        Assert.Distinct(run.FactoryAttributes.Select(a => a.Reference));
    }

    [Fact]
    public void PartialInterface_GetsOneReference_ImplementingTheMethodsOfEveryPart()
    {
        var run = Run("""
            public partial interface IK { Task Ping(); }
            public partial interface IK : IGrain { Task Pong(); }
            public partial interface IK : IGrain { Task<int> Count(); }
            """);

        Assert.Empty(run.OutputErrors);
        Assert.Equal(["Sample.Edge.IK_GrainReference.g.cs"], run.HintNames);
        Assert.Equal(3, RequestClasses(run, "Sample.Edge.IK_GrainReference").Count());
    }

    [Fact]
    public void PartialInterface_WithBadMember_IsReportedOnce()
    {
        var run = Run("public partial interface IK : IGrain { Task Ping(); } public partial interface IK : IGrain { int Count(); }");

        Assert.Equal("DSILO001", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("public class Outer { public interface IK : IGrain { Task Ping(); } } public interface Outer_IK : IGrain { Task Pong(); }")]
    [InlineData("public interface Outer_IK : IGrain { Task Pong(); } public class Outer { public interface IK : IGrain { Task Ping(); } }")]
    public void ClashingReferenceNames_GetNumberedInTheOrderOfTheInterfaceNames_WhateverTheDeclarationOrder(string declaration)
    {
        var run = Run(declaration + " public interface IOther : IGrain { Task Ping(); }");

        Assert.Empty(run.OutputErrors);
        Assert.Equal(
            [
                ("Sample.Edge.IOther", "Sample.Edge.IOther_GrainReference"),
                ("Sample.Edge.Outer+IK", "Sample.Edge.Outer_IK_GrainReference_1"),
                ("Sample.Edge.Outer_IK", "Sample.Edge.Outer_IK_GrainReference_2"),
            ],
            run.FactoryAttributes.OrderBy(a => a.Interface, StringComparer.Ordinal));
        Assert.Equal(
            ["Sample.Edge.IOther_GrainReference.g.cs", "Sample.Edge.Outer_IK_GrainReference_1.g.cs", "Sample.Edge.Outer_IK_GrainReference_2.g.cs"],
            run.HintNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeywordNamespace_AndNamesHintNamesCannotHold_GetValidHintNames_AndCompile()
    {
        // I\u0041\u0301 is "IA" with a combining acute accent: fine in an identifier, not in a hint name, where it
        // becomes '_' and then clashes with IA_.
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Daarion.Silo;

            namespace Sample.@event.@class;

            public interface I\u0041\u0301 : IGrain { Task Ping(); }
            public interface IA_ : IGrain { Task Ping(); }
            """);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.OutputErrors);
        Assert.Equal(
            ["Sample.event.class.IA__GrainReference_1.g.cs", "Sample.event.class.IA__GrainReference_2.g.cs"],
            run.HintNames.Order(StringComparer.Ordinal));
        Assert.Equal(2, run.FactoryAttributes.Count);
    }

    [Fact]
    public void NonVirtualAndStaticMembers_AreNotGrainMethods()
    {
        var run = Run("""
            public interface IK : IGrain
            {
                Task Ping();
                static Task Helper() => Task.CompletedTask;
                static virtual Task Make() => Task.CompletedTask;
                private Task Hidden() => Task.CompletedTask;
                sealed Task Sealed() => Hidden();
            }
            """);

        Assert.Empty(run.OutputErrors);
        Assert.Equal(["Ping_Request0"], RequestClasses(run, "Sample.Edge.IK_GrainReference").Select(t => t.Name));
    }

    [Fact]
    public void StaticAbstractMember_IsReportedAsDSILO005_AndGetsNoSource()
    {
        // No class can implement it for the reference, and the interface could not be GetGrain's type argument.
        var run = Run("public interface IK : IGrain { Task Ping(); static abstract Task Make(); }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DSILO005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Make", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void EdgeCaseRequests_ResolveTheirMethods_AndCallTheGrainWithTheirArgumentsInOrder()
    {
        // Parameters named _arg0/_arg1 (swapped) or like generated members, keyword names, a dynamic parameter and
        // a method of a non-grain base interface all reach the grain as declared.
        GeneratedAssembly.Load(Samples.EdgeGrains, assembly =>
            GeneratedAssembly.AssertEveryRequestCallsTheGrainWithItsArguments(assembly, Samples.EdgeInterface, "Sample.Edge.RecordingEdgeGrain"));
    }

    private static IEnumerable<INamedTypeSymbol> RequestClasses(GeneratorRun run, string referenceName) =>
        (run.Type(referenceName) ?? throw new InvalidOperationException($"{referenceName} was not generated")).GetTypeMembers();

    private static GeneratorRun Run(string declaration) => GeneratorHarness.Run($$"""
        using System.Threading.Tasks;
        using Daarion.Silo;

        namespace Sample.Edge;

        {{declaration}}
        """);
}
