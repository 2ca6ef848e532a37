using Daarion.Grains;
using Daarion.Grains.Energy;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Retention;

public static class RetentionSetup
{
    /// <summary>The retention sweep over the tables that only grow (see <see cref="RetentionOptions"/>).</summary>
    public static void AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        // The Embassy's settings are read as configured, not through IOptions: that would validate them here, and a
        // bad Embassy setting would then hide every other option's problem from the start-up error.
        services.AddSingleton<IValidateOptions<RetentionOptions>>(sp => new OptionsValidator<RetentionOptions>(o => o.Validate(
            (sp.GetRequiredService<IConfiguration>().GetSection(EmbassyOptions.Section).Get<EmbassyOptions>() ?? new()).TimestampTolerance)));
        services.AddHostedService<RetentionService>();
    }
}
