using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void NatsOptions_Defaults_AreValid() => Assert.Empty(new NatsOptions().Validate());

    [Fact]
    public void NatsOptions_Validate_NamesEveryBadOption()
    {
        var options = new NatsOptions
        {
            Url = "http://x",
            User = "u",
            ConnectTimeout = TimeSpan.Zero,
            MaxPingsOutstanding = 0,
            ReconnectWait = TimeSpan.FromSeconds(5),
            MaxReconnectWait = TimeSpan.FromSeconds(1),
            MaxReconnectAttempts = -2,
            ReconnectBufferSize = -1,
            SubscriptionCapacity = 0,
        };

        var problems = string.Join("\n", options.Validate());

        foreach (var option in new[] { "Nats:Url", "Nats:Password", "Nats:ConnectTimeout", "Nats:MaxPingsOutstanding", "Nats:MaxReconnectWait", "Nats:MaxReconnectAttempts", "Nats:ReconnectBufferSize", "Nats:SubscriptionCapacity" })
            Assert.Contains(option, problems, StringComparison.Ordinal);
    }

    [Fact]
    public void NatsOptions_Validate_RefusesTls() =>
        Assert.Contains(new NatsOptions { Url = "tls://127.0.0.1:4222" }.Validate(), p => p.Contains("tls", StringComparison.Ordinal));

    [Fact]
    public async Task ConnectAsync_WithInvalidOptions_ThrowsNamingThem()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => NatsConnection.ConnectAsync(new NatsOptions { PingInterval = TimeSpan.Zero }));

        Assert.Contains("Nats:PingInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JetStreamOptions_Validate_NamesEveryBadOption()
    {
        var problems = string.Join("\n", new JetStreamOptions { RequestTimeout = TimeSpan.Zero, Domain = "a.b" }.Validate());

        Assert.Contains("JetStream:RequestTimeout", problems, StringComparison.Ordinal);
        Assert.Contains("JetStream:Domain", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void FetchOptions_Validate_NamesEveryBadOption()
    {
        var problems = string.Join("\n", new FetchOptions { MaxMessages = 0, Expires = TimeSpan.Zero, MaxBytes = 0 }.Validate());

        Assert.Contains("Fetch:MaxMessages", problems, StringComparison.Ordinal);
        Assert.Contains("Fetch:Expires", problems, StringComparison.Ordinal);
        Assert.Contains("Fetch:MaxBytes", problems, StringComparison.Ordinal);
    }
}
