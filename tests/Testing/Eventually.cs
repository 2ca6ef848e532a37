namespace Daarion.Testing;

/// <summary>Polls a condition that becomes true asynchronously, failing the test if it does not in time.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, int timeoutMs = 10_000, string? because = null)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Xunit.Assert.Fail($"Condition not met within {timeoutMs} ms{(because is null ? "" : ": " + because)}.");
            await Task.Delay(25);
        }
    }

    public static Task True(Func<bool> condition, int timeoutMs = 10_000, string? because = null) =>
        True(() => Task.FromResult(condition()), timeoutMs, because);
}
