using Daarion.Grains.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Logins;

public static class LoginServiceCollectionExtensions
{
    /// <summary>
    /// Adds logins: email codes (grains keyed by address, codes hashed under <paramref name="codeKey"/>), wallet
    /// challenges, users, sessions and their revocations (kept current by the database's notifications).
    /// </summary>
    public static IServiceCollection AddLogins(this IServiceCollection services, byte[] codeKey)
    {
        services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoginOptions>>(new OptionsValidator<LoginOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new OneTimeCodes(codeKey));
        services.AddSingleton<LoginUsers>();
        services.AddSingleton<WalletChallenges>();
        services.AddSingleton<LoginSessions>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<IDatabaseNotificationHandler, SessionNotifications>();
        return services;
    }
}
