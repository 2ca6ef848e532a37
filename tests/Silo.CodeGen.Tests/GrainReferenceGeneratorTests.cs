using Microsoft.CodeAnalysis;

namespace Daarion.Silo.CodeGen.Tests;

public sealed class GrainReferenceGeneratorTests
{
    [Fact]
    public void ValidInterface_WithEveryReturnKind_NullableAndArrayParameters_AndInheritedMethod_GeneratesCompilingReference()
    {
        var run = GeneratorHarness.Run(Samples.ShopGrains);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.GeneratorDiagnostics);
        // One source per grain interface: the derived one and its base.
        Assert.Equal(
            ["Sample.Grains.IBaseGrain_GrainReference.g.cs", "Sample.Grains.IShopGrain_GrainReference.g.cs"],
            run.HintNames.Order(StringComparer.Ordinal));
        // No errors means, among others, that the reference implements the inherited Describe() too.
        Assert.Empty(run.OutputErrors);
        Assert.Empty(run.GeneratedCodeWarnings);
    }

    [Fact]
    public void ValidInterface_GetsReferenceThatImplementsItAndDerivesFromGrainReference()
    {
        var run = GeneratorHarness.Run(Samples.ShopGrains);

        var reference = run.Type(Samples.ShopReference);
        Assert.NotNull(reference);
        Assert.Contains(reference.AllInterfaces, i => i.ToDisplayString() == Samples.ShopInterface);
        Assert.Contains(reference.AllInterfaces, i => i.ToDisplayString() == Samples.BaseInterface);
        Assert.Equal("Daarion.Silo.Runtime.GrainReference", reference.BaseType?.ToDisplayString());
        Assert.True(reference.IsSealed);
    }

    [Fact]
    public void ValidInterface_AddsGrainReferenceFactoryAssemblyAttribute_NamingInterfaceAndReference()
    {
        var run = GeneratorHarness.Run(Samples.ShopGrains);

        Assert.Empty(run.OutputErrors);
        Assert.Contains((Samples.ShopInterface, Samples.ShopReference), run.FactoryAttributes);
        Assert.Contains((Samples.BaseInterface, Samples.BaseReference), run.FactoryAttributes);
        Assert.Equal(2, run.FactoryAttributes.Count);
    }

    [Fact]
    public void InheritedMethod_FromBaseGrainInterfaceInReferencedAssembly_IsImplemented_AndOnlyDerivedGetsSource()
    {
        var baseAssembly = GeneratorHarness.Compile("Daarion.CodeGen.BaseGrains", """
            using System.Threading.Tasks;
            using Daarion.Silo;

            namespace Sample.Shared;

            public interface INamedGrain : IGrainWithStringKey
            {
                Task<string> Name();
                ValueTask Rename(string? name);
            }
            """);
        var baseReference = MetadataReference.CreateFromImage(GeneratorHarness.Emit(baseAssembly));

        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;

            namespace Sample.Grains;

            public interface IPetGrain : Sample.Shared.INamedGrain
            {
                Task Feed(int grams);
            }
            """, baseReference);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["Sample.Grains.IPetGrain_GrainReference.g.cs"], run.HintNames);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void NestedPublicInterface_InPublicClass_GetsReferenceNamedAfterOuterAndInner_AndCompiles()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Daarion.Silo;

            namespace Sample.Nested;

            public class Outer
            {
                public interface IFoo : IGrain
                {
                    Task<int> Ping(int value);
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["Sample.Nested.Outer_IFoo_GrainReference.g.cs"], run.HintNames);
        Assert.Empty(run.OutputErrors);
        Assert.NotNull(run.Type("Sample.Nested.Outer_IFoo_GrainReference"));
        Assert.Contains(("Sample.Nested.Outer+IFoo", "Sample.Nested.Outer_IFoo_GrainReference"), run.FactoryAttributes);
    }

    [Fact]
    public void InterfaceInGlobalNamespace_GetsReferenceInGlobalNamespace_AndCompiles()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;

            public interface IGlobalGrain : Daarion.Silo.IGrain
            {
                Task Ping();
            }
            """);

        Assert.Equal(["IGlobalGrain_GrainReference.g.cs"], run.HintNames);
        Assert.Empty(run.OutputErrors);
        Assert.NotNull(run.Type("IGlobalGrain_GrainReference"));
    }

    [Theory]
    [InlineData("public", Accessibility.Public)]
    [InlineData("internal", Accessibility.Internal)]
    public void ReferenceClass_HasTheAccessibilityOfItsInterface(string interfaceModifier, Accessibility expected)
    {
        var run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using Daarion.Silo;

            namespace Sample.Access;

            {{interfaceModifier}} interface IAccessGrain : IGrain
            {
                Task Ping();
            }
            """);

        Assert.Empty(run.OutputErrors);
        var reference = run.Type("Sample.Access.IAccessGrain_GrainReference");
        Assert.NotNull(reference);
        Assert.Equal(expected, reference.DeclaredAccessibility);
    }

    [Fact]
    public void PublicInterface_NestedInInternalClass_GetsInternalReference()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Daarion.Silo;

            namespace Sample.Access;

            internal class Holder
            {
                public interface IHeldGrain : IGrain
                {
                    Task Ping();
                }
            }
            """);

        Assert.Empty(run.OutputErrors);
        var reference = run.Type("Sample.Access.Holder_IHeldGrain_GrainReference");
        Assert.NotNull(reference);
        Assert.Equal(Accessibility.Internal, reference.DeclaredAccessibility);
    }

    [Theory]
    [InlineData("public interface IPlain { Task Ping(); }")]
    [InlineData("public interface IDisposableThing : System.IDisposable { Task Ping(); }")]
    [InlineData("public interface IDerivedPlain : IPlainBase { Task Ping(); } public interface IPlainBase { }")]
    public void InterfaceNotDerivingFromIGrain_ProducesNothing(string declaration)
    {
        var run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;

            namespace Sample.Plain;

            {{declaration}}
            """);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
        Assert.Empty(run.FactoryAttributes);
    }
}
