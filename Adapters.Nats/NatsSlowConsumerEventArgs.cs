namespace Daarion.Adapters.Nats;

/// <summary>
/// A subscription's pending-message limit was reached and messages for it are being dropped (raised once per episode:
/// again only after it has caught up). The socket reader never waits for a slow subscriber.
/// </summary>
public sealed class NatsSlowConsumerEventArgs(NatsSubscription subscription) : EventArgs
{
    public NatsSubscription Subscription { get; } = subscription;
}
