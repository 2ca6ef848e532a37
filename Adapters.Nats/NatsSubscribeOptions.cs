namespace Daarion.Adapters.Nats;

/// <summary>How a subscription is made.</summary>
public sealed record NatsSubscribeOptions
{
    /// <summary>Members of one queue group share the subject's messages: each goes to one of them.</summary>
    public string? QueueGroup { get; init; }

    /// <summary>Unsubscribe after this many messages (UNSUB with a maximum); null for no limit.</summary>
    public int? MaxMessages { get; init; }

    /// <summary>Messages held for a slow reader before new ones are dropped; null uses <see cref="NatsOptions.SubscriptionCapacity"/>.</summary>
    public int? Capacity { get; init; }
}
