using System.Reflection;
using Daarion.Silo.Runtime;

namespace Daarion.Silo.CodeGen.Tests;

/// <summary>Loads the generated assembly and checks it the way the runtime's GrainTypeRegistry binds it.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public void GeneratedAssembly_ExposesReferenceThroughFactoryAttribute_WithStaticCreateTakingRuntimeAndGrainId()
    {
        WithLoadedShopAssembly(assembly =>
        {
            var attribute = GeneratedAssembly.FactoryFor(assembly, Samples.ShopInterface);
            var reference = attribute.ReferenceType;
            Assert.Equal(Samples.ShopReference, reference.FullName);
            Assert.True(attribute.InterfaceType.IsAssignableFrom(reference));
            Assert.True(typeof(GrainReference).IsAssignableFrom(reference));

            var create = reference.GetMethod("Create", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(create);
            Assert.Equal([typeof(GrainRuntime), typeof(GrainId)], create.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(GrainReference), create.ReturnType);
        });
    }

    [Fact]
    public void GeneratedCreate_BindsAsTheRuntimesFactoryDelegate_AndKeepsTheGrainId()
    {
        WithLoadedShopAssembly(assembly =>
        {
            var attribute = GeneratedAssembly.FactoryFor(assembly, Samples.ShopInterface);
            // Exactly what GrainTypeRegistry.Bind does.
            var create = attribute.ReferenceType.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!
                .CreateDelegate<Func<GrainRuntime, GrainId, GrainReference>>();

            var grainId = new GrainId("shop", "42");
            var reference = create(null!, grainId);

            Assert.IsType(attribute.ReferenceType, reference);
            Assert.IsAssignableFrom(attribute.InterfaceType, reference);
            Assert.Equal(grainId, reference.GrainId);
        });
    }

    [Fact]
    public void EveryGeneratedRequest_ResolvesItsInterfaceMethod_AndCallsItOnTheGrainWithItsArguments()
    {
        // Nullable, array and inherited cases included.
        WithLoadedShopAssembly(assembly =>
        {
            foreach (var interfaceName in new[] { Samples.ShopInterface, Samples.BaseInterface })
            {
                GeneratedAssembly.AssertEveryRequestCallsTheGrainWithItsArguments(assembly, interfaceName, "Sample.Grains.RecordingShopGrain");
            }
        });
    }

    private static void WithLoadedShopAssembly(Action<Assembly> check) =>
        GeneratedAssembly.Load(Samples.ShopGrains + Samples.RecordingShopGrain, check);
}
