using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Daarion.Grains.Energy;

public static class EnergyServiceCollectionExtensions
{
    /// <summary>
    /// Adds meter ingestion and the Embassy gateway's grains' services: <see cref="EnergyService"/>, its reads and the
    /// oracle's rules, with the Oracle and Embassy options checked at start, and the sealing of secrets at rest (stored
    /// plaintext or older keys are re-sealed at start). Needs the silo, an NpgsqlDataSource and a SecretSealer.
    /// </summary>
    public static IServiceCollection AddEnergy(this IServiceCollection services)
    {
        services.AddOptions<OracleOptions>().BindConfiguration(OracleOptions.Section)
            .Validate(o => o.FutureTolerance >= TimeSpan.Zero, "Oracle:FutureTolerance must not be negative.")
            .Validate(o => o.SpikeFactor > 1, "Oracle:SpikeFactor must be greater than 1.")
            .Validate(o => o.SpikeWarmup >= 0, "Oracle:SpikeWarmup must not be negative.")
            .Validate(o => o.SpikeMinimumKwh >= 0, "Oracle:SpikeMinimumKwh must not be negative.")
            .Validate(o => o.PeakDecay is > 0 and <= 1, "Oracle:PeakDecay must be greater than 0 and at most 1.")
            .Validate(o => o.DuplicateWindow is >= 1 and <= 4096, "Oracle:DuplicateWindow must be between 1 and 4096.")
            .Validate(o => o.MaxBatchReadings is >= 1 and <= 100_000, "Oracle:MaxBatchReadings must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddOptions<EmbassyOptions>().BindConfiguration(EmbassyOptions.Section)
            .Validate(o => o.TimestampTolerance >= TimeSpan.FromSeconds(1), "Embassy:TimestampTolerance must be at least 1 second.")
            .Validate(o => o.RotationOverlap >= TimeSpan.Zero, "Embassy:RotationOverlap must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EnergySecrets>();
        services.AddHostedService<SecretResealer>();
        services.AddSingleton<EnergyStore>();
        services.AddSingleton<MeterRules>();
        services.AddSingleton<EnergyService>();
        return services;
    }
}
