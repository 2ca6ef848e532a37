namespace Daarion.Grains.Access;

/// <summary>The registry changed somewhere (channel policy_registry): load the new version, which drops cached decisions.</summary>
internal sealed class PolicyRegistryNotifications(PolicyCatalog catalog) : IDatabaseNotificationHandler
{
    public string Channel => "policy_registry";

    public Task OnNotificationAsync(string payload, CancellationToken cancellationToken) => catalog.RefreshAsync(cancellationToken);

    public Task CatchUpAsync(CancellationToken cancellationToken) => catalog.RefreshAsync(cancellationToken);
}
