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
        services.AddSingleton<IValidateOptions<RetentionOptions>>(sp => new OptionsValidator<RetentionOptions>(
            o => o.Validate(sp.GetRequiredService<IOptions<EmbassyOptions>>().Value.TimestampTolerance)));
        services.AddHostedService<RetentionService>();
    }
}
