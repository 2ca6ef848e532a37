using Daarion.Silo.Metrics;
using Daarion.Silo.Reminders;
using Daarion.Silo.Runtime;
using Daarion.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-process silo: grain factory, runtime, storage, reminders, metrics and the hosted service that
    /// runs timeouts, idle collection and reminder delivery. State and reminders use the registered NpgsqlDataSource.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder(services);
        configure(builder);

        services.AddOptions<SiloOptions>()
            .BindConfiguration(SiloOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.AddSingleton(new GrainTypeRegistry(builder.GrainAssemblies));
        services.AddSingleton<GrainStorage>();
        services.AddSingleton<ReminderRegistry>();
        services.AddSingleton(sp => new GrainRuntime(
            sp,
            sp.GetRequiredService<GrainTypeRegistry>(),
            sp.GetServices<IIncomingGrainCallFilter>(),
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetRequiredService<GrainStorage>(),
            sp.GetRequiredService<ReminderRegistry>(),
            sp.GetRequiredService<ILogger<GrainRuntime>>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton(sp => new SiloMetrics(sp.GetRequiredService<GrainRuntime>()));
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
