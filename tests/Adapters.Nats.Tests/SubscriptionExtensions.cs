namespace Daarion.Adapters.Nats.Tests;

internal static class SubscriptionExtensions
{
    // Reads until the subscription completes; fails the test if it does not within the patience.
    public static async Task<List<NatsMsg>> ToListAsync(this NatsSubscription subscription, TimeSpan patience)
    {
        using var deadline = new CancellationTokenSource(patience);
        var messages = new List<NatsMsg>();
        await foreach (var message in subscription.WithCancellation(deadline.Token))
            messages.Add(message);
        return messages;
    }
}
