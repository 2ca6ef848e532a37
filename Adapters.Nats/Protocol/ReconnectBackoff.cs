namespace Daarion.Adapters.Nats.Protocol;

// The pause after a failed round over the servers: exponential from the base wait, capped, plus random jitter so that
// many clients losing the same server do not come back in lockstep.
internal static class ReconnectBackoff
{
    // random: uniformly in [0, 1).
    public static TimeSpan Delay(int round, TimeSpan wait, TimeSpan maxWait, TimeSpan jitter, double random)
    {
        var exponential = wait.TotalMilliseconds * Math.Pow(2, Math.Clamp(round - 1, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, maxWait.TotalMilliseconds) + random * jitter.TotalMilliseconds);
    }
}
