using Daarion.Grains.Payouts;
using Daarion.Grains.Staking;
using Daarion.Adapters.Evm;
using Daarion.Adapters.Evm.Payouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains;

public static class EconomyServiceCollectionExtensions
{
    /// <summary>
    /// Adds RINGK staking and KWT payouts (their stores, settings and the payout clock), and the EVM chain client when
    /// Payouts:Settlement is Chain. Needs the ledger.
    /// </summary>
    public static IServiceCollection AddStakingAndPayouts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StakingOptions>().BindConfiguration(StakingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StakingOptions>>(new OptionsValidator<StakingOptions>(o => o.Validate()));
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayoutOptions>>(new OptionsValidator<PayoutOptions>(o => o.Validate()));
        services.AddSingleton<StakingStore>();
        services.AddSingleton<PayoutStore>();
        services.AddHostedService<PayoutClock>();
        if (configuration.GetSection(PayoutOptions.Section).GetValue<PayoutSettlementMode>(nameof(PayoutOptions.Settlement)) == PayoutSettlementMode.Chain)
        {
            services.AddEvmPayoutSettlement();
        }
        services.AddSingleton(sp => new ChainSettlement(sp.GetService<IPayoutSettlement>(), sp.GetRequiredService<ILogger<ChainSettlement>>()));
        return services;
    }
}
