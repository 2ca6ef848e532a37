namespace Daarion.Grains.Access;

/// <summary>Reacts to one PostgreSQL NOTIFY channel, and catches up after (re)connecting, when notifications may have been missed.</summary>
public interface IDatabaseNotificationHandler
{
    string Channel { get; }

    Task OnNotificationAsync(string payload, CancellationToken cancellationToken);

    Task CatchUpAsync(CancellationToken cancellationToken);
}
