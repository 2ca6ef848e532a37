using Daarion.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ledger: <see cref="LedgerService"/>, its group committer, reads, caches and the hold expiry loop.
    /// Needs the silo (wallet grains) and an NpgsqlDataSource.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LedgerOptions>>(new OptionsValidator<LedgerOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<AssetRegistry>();
        services.AddSingleton<LedgerCommitter>();
        services.AddSingleton(sp => new WalletDirectory(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<AssetRegistry>()));
        services.AddSingleton(sp => new IdempotencyGate(sp.GetRequiredService<IOptions<LedgerOptions>>()));
        services.AddSingleton(sp => new LedgerService(
            sp.GetRequiredService<LedgerCommitter>(),
            sp.GetRequiredService<LedgerStore>(),
            sp.GetRequiredService<AssetRegistry>(),
            sp.GetRequiredService<WalletDirectory>(),
            sp.GetRequiredService<IdempotencyGate>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new HoldExpiryService(
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<IOptions<LedgerOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<HoldExpiryService>>()));
        return services;
    }
}
