using Daarion.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds the PDP: policy grains' catalog and store, the decision cache and log (with its writer), the listener for
    /// registry changes, and <see cref="PolicyDecisionPoint"/>. Needs the silo and an NpgsqlDataSource.
    /// </summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>>(new OptionsValidator<AccessOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessStore>();
        services.AddSingleton<PolicyCatalog>();
        services.AddSingleton<DecisionCache>();
        services.AddSingleton<DecisionLog>();
        services.AddSingleton(sp => new PolicyDecisionPoint(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<DecisionCache>(),
            sp.GetRequiredService<DecisionLog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegistryDatabase>();
        services.AddSingleton<RegistryWriter>();
        services.AddSingleton<GrantRegistry>();
        services.AddSingleton<IdentityRegistry>();
        services.AddSingleton<KeyStore>();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<DecisionLogStore>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton(sp => new ApiKeyDirectory(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<ApiKeyUsage>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDatabaseNotificationHandler, PolicyRegistryNotifications>();
        services.AddHostedService<DatabaseNotificationListener>();
        services.AddHostedService<DecisionLogWriter>();
        services.AddHostedService<ApiKeyUsageWriter>();
        return services;
    }
}
