using Daarion.Grains.Payouts;
using Daarion.Grains.Staking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Daarion.Grains;

public static class EconomyServiceCollectionExtensions
{
    /// <summary>Adds RINGK staking and KWT payouts (their stores, settings and the payout clock). Needs the ledger.</summary>
    public static IServiceCollection AddStakingAndPayouts(this IServiceCollection services)
    {
        services.AddOptions<StakingOptions>().BindConfiguration(StakingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StakingOptions>, OptionsValidator<StakingOptions>>();
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayoutOptions>, OptionsValidator<PayoutOptions>>();
        services.AddSingleton<StakingStore>();
        services.AddSingleton<PayoutStore>();
        services.AddHostedService<PayoutClock>();
        return services;
    }
}
