using Daarion.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Silo.Runtime;

/// <summary>What the runtime knows of a grain class: its stable type name, scheduling attributes, factory and metrics.</summary>
internal sealed class GrainClassInfo
{
    private readonly ObjectFactory _factory;

    public GrainClassInfo(Type implementationType)
    {
        ImplementationType = implementationType;
        GrainType = GrainTypeName(implementationType);
        IsReentrant = implementationType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        _factory = ActivatorUtilities.CreateFactory(implementationType, Type.EmptyTypes);
        Metrics = new GrainTypeMetrics(GrainType);
    }

    public Type ImplementationType { get; }
    public string GrainType { get; }
    public bool IsReentrant { get; }
    public GrainTypeMetrics Metrics { get; }

    public Grain Create(IServiceProvider services) => (Grain)_factory(services, null);

    private static string GrainTypeName(Type type)
    {
        var explicitName = (GrainTypeAttribute?)Attribute.GetCustomAttribute(type, typeof(GrainTypeAttribute), inherit: false);
        if (explicitName is not null) return explicitName.Name;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal)) name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }
}
