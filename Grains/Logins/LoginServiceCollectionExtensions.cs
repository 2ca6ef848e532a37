using Daarion.Grains.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Daarion.Grains.Logins;

public static class LoginServiceCollectionExtensions
{
    /// <summary>Adds what logins need: the revoked sessions (kept current by the database's notifications).</summary>
    public static IServiceCollection AddLogins(this IServiceCollection services)
    {
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<IDatabaseNotificationHandler, SessionNotifications>();
        return services;
    }
}
