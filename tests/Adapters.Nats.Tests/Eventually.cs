using System.Diagnostics;

namespace Daarion.Adapters.Nats.Tests;

internal static class Eventually
{
    // For server-side effects with no event to wait on (an ack applied, a pull registered): poll until true.
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > StateWaiter.Patience)
                Assert.Fail($"Not within {StateWaiter.Patience.TotalSeconds} s: {what}");
            await Task.Delay(20);
        }
    }
}
