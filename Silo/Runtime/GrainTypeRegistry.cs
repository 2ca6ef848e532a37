using System.Collections.Concurrent;
using System.Reflection;

namespace Daarion.Silo.Runtime;

/// <summary>Maps grain interfaces to their one implementation class, and grain type names back to classes.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, List<GrainClassInfo>> _classesByInterface = [];
    private readonly Dictionary<string, GrainClassInfo> _classByGrainType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, GrainBinding> _bindings = new();

    public GrainTypeRegistry(IEnumerable<Assembly> grainAssemblies)
    {
        var grainClasses = grainAssemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Grain).IsAssignableFrom(t));
        foreach (var type in grainClasses)
        {
            var info = new GrainClassInfo(type);
            if (!_classByGrainType.TryAdd(info.GrainType, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_classByGrainType[info.GrainType].ImplementationType} and {type} share the grain type name '{info.GrainType}'; give one a [GrainType] attribute.");
            }
            foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
            {
                if (!_classesByInterface.TryGetValue(grainInterface, out var classes)) _classesByInterface[grainInterface] = classes = [];
                classes.Add(info);
            }
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _classByGrainType.Values;

    public GrainBinding GetBinding(Type grainInterface) => _bindings.GetOrAdd(grainInterface, Bind);

    public GrainClassInfo? FindByGrainType(string grainType) => _classByGrainType.GetValueOrDefault(grainType);

    private GrainBinding Bind(Type grainInterface)
    {
        var classes = _classesByInterface.GetValueOrDefault(grainInterface) ?? [];
        if (classes.Count == 0)
        {
            throw new InvalidOperationException($"No grain class implements {grainInterface}; register its assembly with AddGrains(...).");
        }
        if (classes.Count > 1)
        {
            // A shared base interface is fine until someone asks for a grain by it.
            throw new InvalidOperationException(
                $"Grain interface {grainInterface} is implemented by {string.Join(" and ", classes.Select(c => c.ImplementationType))}; ask for a more specific interface.");
        }
        var grainClass = classes[0];
        var factoryAttribute = grainInterface.Assembly.GetCustomAttributes<GrainReferenceFactoryAttribute>()
            .FirstOrDefault(a => a.InterfaceType == grainInterface)
            ?? throw new InvalidOperationException(
                $"No generated reference for {grainInterface}: its project must reference Silo.CodeGen as an analyzer.");
        var create = factoryAttribute.ReferenceType.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!
            .CreateDelegate<Func<GrainRuntime, GrainId, GrainReference>>();
        return new GrainBinding(grainClass, create);
    }

    private static bool IsGrainInterface(Type type) =>
        type != typeof(IGrain) && type != typeof(IGrainWithStringKey) && typeof(IGrain).IsAssignableFrom(type);
}
