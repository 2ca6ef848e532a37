using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats.Tests;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(1000, 1000)]
    public void Delay_DoublesEachRoundUpToTheMaximum(int round, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ReconnectBackoff.Delay(round, Wait, MaxWait, Jitter, random: 0));

    [Fact]
    public void Delay_AddsUpToTheJitterOnTop() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1049.5), ReconnectBackoff.Delay(7, Wait, MaxWait, Jitter, random: 0.99));
}
