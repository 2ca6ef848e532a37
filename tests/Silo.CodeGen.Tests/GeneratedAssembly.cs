using System.Reflection;
using System.Runtime.Loader;
using Daarion.Silo.Runtime;

namespace Daarion.Silo.CodeGen.Tests;

/// <summary>Loads generated code and drives its requests the way the runtime does, without a silo.</summary>
internal static class GeneratedAssembly
{
    /// <summary>Generates, compiles and loads <paramref name="source"/> into a collectible context for <paramref name="check"/>.</summary>
    public static void Load(string source, Action<Assembly> check)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.OutputErrors);
        var image = GeneratorHarness.Emit(run.Output);

        var context = new AssemblyLoadContext("Daarion.CodeGen.Tests." + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            // Daarion.Silo resolves from the default context, so the runtime types are the test's own.
            using var stream = new MemoryStream(image);
            check(context.LoadFromStream(stream));
        }
        finally
        {
            context.Unload();
        }
    }

    public static GrainReferenceFactoryAttribute FactoryFor(Assembly assembly, string interfaceName) =>
        Assert.Single(assembly.GetCustomAttributes<GrainReferenceFactoryAttribute>(), a => a.InterfaceType.FullName == interfaceName);

    /// <summary>
    /// Each request of the interface's reference resolves its GrainMethodInfo from typeof() of the parameters,
    /// exposes its arguments in order, and invokes the grain method with them. The grain class records its last
    /// call in the fields LastMethod and LastArguments.
    /// </summary>
    public static void AssertEveryRequestCallsTheGrainWithItsArguments(Assembly assembly, string interfaceName, string grainTypeName)
    {
        var grainType = assembly.GetType(grainTypeName, throwOnError: true)!;
        var reference = FactoryFor(assembly, interfaceName).ReferenceType;
        var requests = reference.GetNestedTypes(BindingFlags.NonPublic);
        // Grain methods are the overridable instance methods; static, private and sealed ones are helpers.
        var grainMethods = reference.GetInterfaces()
            .Where(i => i != typeof(IEquatable<GrainReference>))
            .SelectMany(i => i.GetMethods())
            .Where(m => m is { IsStatic: false, IsVirtual: true })
            .ToList();
        Assert.Equal(grainMethods.Count, requests.Length);

        foreach (var requestType in requests)
        {
            var constructor = Assert.Single(requestType.GetConstructors());
            var arguments = constructor.GetParameters().Select((p, i) => SampleValue(p.ParameterType, i)).ToArray();
            var request = Assert.IsAssignableFrom<GrainRequest>(constructor.Invoke(arguments));

            var method = request.Method.Method;
            Assert.Contains(method, grainMethods);
            Assert.Equal(method.GetParameters().Select(p => p.ParameterType), constructor.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(arguments.Length, request.ArgumentCount);
            Assert.Equal(arguments, Enumerable.Range(0, arguments.Length).Select(request.GetArgument));
            Assert.Throws<ArgumentOutOfRangeException>(() => request.GetArgument(arguments.Length));

            var grain = Activator.CreateInstance(grainType)!;
            requestType.GetMethod("InvokeCore", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(request, [grain]);
            Assert.Equal(method.Name, grainType.GetField("LastMethod")!.GetValue(grain));
            Assert.Equal(arguments, (object?[])grainType.GetField("LastArguments")!.GetValue(grain)!);
        }
    }

    /// <summary>A distinct non-null value of <paramref name="type"/> per parameter position, so swapped arguments show.</summary>
    private static object SampleValue(Type type, int position)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(SampleValue(type.GetElementType()!, position), 0);
            return array;
        }
        if (type == typeof(string) || type == typeof(object)) return $"argument {position}";
        if (type == typeof(int)) return 100 + position;
        if (type == typeof(decimal)) return 0.5m + position;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2000 + position, 1, 2, 3, 4, 5, TimeSpan.Zero);
        throw new NotSupportedException($"No sample value for {type}; extend SampleValue for the sample grain.");
    }
}
