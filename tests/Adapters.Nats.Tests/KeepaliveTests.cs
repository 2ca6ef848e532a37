namespace Daarion.Adapters.Nats.Tests;

public sealed class KeepaliveTests
{
    [Fact]
    public async Task UnansweredPings_DeclareTheConnectionStaleAndItReconnectsOnceTheServerAnswers()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync(o =>
        {
            o.PingInterval = TimeSpan.FromMilliseconds(100);
            o.MaxPingsOutstanding = 2;
        });
        var lost = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.StateChanged += (_, e) =>
        {
            if (e.State == NatsConnectionState.Reconnecting)
                lost.TrySetResult(e.Error);
        };
        await using var subscription = await connection.SubscribeAsync("stale.test");

        var back = connection.NextAsync(NatsConnectionState.Connected);
        server.Server.Pause();
        Exception? error;
        try
        {
            error = await lost.Task.WaitAsync(StateWaiter.Patience);
        }
        finally
        {
            server.Server.Resume();
        }
        await back;
        await connection.PublishAsync("stale.test", "back"u8.ToArray());

        Assert.Contains("Stale connection", error?.Message, StringComparison.Ordinal);
        Assert.Equal("back", (await subscription.Messages.ReadAsync().AsTask().WaitAsync(StateWaiter.Patience)).GetString());
    }

    [Fact]
    public async Task ServerPings_AreAnswered_SoTheServerKeepsTheConnection()
    {
        // The server PINGs every 250 ms and drops a client after 3 unanswered ones (a client that never answers is gone
        // within a second; shorter settings dropped this one when a loaded test machine paused it for 200 ms).
        var config = Path.Combine(Path.GetTempPath(), $"daarion-nats-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, "ping_interval: \"250ms\"\nping_max: 3\n");
        try
        {
            await using var server = await PrivateNatsServer.StartAsync("-c", config);
            await using var connection = await server.ConnectAsync();
            var dropped = connection.NextAsync(NatsConnectionState.Reconnecting);

            // Nothing to wait on for "nothing happened": give the server ten of its ping intervals.
            var outcome = await Task.WhenAny(dropped, Task.Delay(TimeSpan.FromSeconds(2.5)));

            Assert.NotSame(dropped, outcome);
            Assert.Equal(NatsConnectionState.Connected, connection.State);
            await connection.PingAsync();
        }
        finally
        {
            File.Delete(config);
        }
    }
}
