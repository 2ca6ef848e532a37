namespace Daarion.Crypto.Tests;

/// <summary>A clock that reads a set instant, for deterministic time-window tests.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
