using Daarion.Grains.Access;

namespace Daarion.Grains.Logins;

/// <summary>A session was revoked somewhere (channel auth_sessions, payload "session_id expires_at_unix_ms").</summary>
internal sealed class SessionNotifications(SessionRevocations revocations) : IDatabaseNotificationHandler
{
    public const string ChannelName = "auth_sessions";

    public string Channel => ChannelName;

    public Task OnNotificationAsync(string payload, CancellationToken cancellationToken)
    {
        var parts = payload.Split(' ');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var session) && long.TryParse(parts[1], out var expires))
        {
            revocations.Add(session, DateTimeOffset.FromUnixTimeMilliseconds(expires));
        }
        return Task.CompletedTask;
    }

    public Task CatchUpAsync(CancellationToken cancellationToken) => revocations.LoadAsync(cancellationToken);
}
