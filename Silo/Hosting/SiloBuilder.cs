using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Silo.Hosting;

/// <summary>Configures the silo: which assemblies hold grain classes, and the incoming call filters.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    internal List<Assembly> GrainAssemblies { get; } = [];

    public IServiceCollection Services { get; } = services;

    /// <summary>Registers every grain class of the assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        GrainAssemblies.Add(assembly);
        return this;
    }

    /// <summary>Adds a filter that runs around every incoming grain call (in registration order).</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }
}
