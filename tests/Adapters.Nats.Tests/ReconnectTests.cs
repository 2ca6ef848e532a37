using System.Globalization;
using System.Text;

namespace Daarion.Adapters.Nats.Tests;

public sealed class ReconnectTests
{
    [Fact]
    public async Task ServerRestart_ResubscribesAndSendsWhatWasPublishedMeanwhile()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await using var other = await server.ConnectAsync();
        await using var own = await connection.SubscribeAsync("restart.>");
        await using var queued = await other.SubscribeAsync("restart.queue", new NatsSubscribeOptions { QueueGroup = "q" });
        await using var responder = await other.SubscribeAsync("restart.service");
        var serving = Task.Run(async () =>
        {
            await foreach (var request in responder)
                await request.ReplyAsync("pong"u8.ToArray());
        });
        var reconnecting = connection.NextAsync(NatsConnectionState.Reconnecting);
        var otherBack = other.NextAsync(NatsConnectionState.Connected);

        await server.Server.StopAsync();
        await reconnecting;
        Assert.Equal(NatsConnectionState.Reconnecting, connection.State);
        Assert.Null(connection.ConnectedServer);
        for (var i = 0; i < 100; i++)
            await connection.PublishAsync("restart.buffered", Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture)));
        Assert.True(connection.PendingBytes > 0);
        var connectionBack = connection.NextAsync(NatsConnectionState.Connected);
        await server.Server.RestartAsync();
        await Task.WhenAll(connectionBack, otherBack);
        await other.PingAsync();

        // The re-subscription went out ahead of the buffered publishes, so none of them was missed.
        var received = new List<string>();
        while (received.Count < 100)
            received.Add((await own.Messages.ReadAsync().AsTask().WaitAsync(StateWaiter.Patience)).GetString());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)), received);
        await connection.PublishAsync("restart.queue", "q"u8.ToArray());
        Assert.Equal("q", (await queued.Messages.ReadAsync().AsTask().WaitAsync(StateWaiter.Patience)).GetString());
        Assert.Equal("pong", (await connection.RequestAsync("restart.service")).GetString());
        await responder.UnsubscribeAsync();
        await serving.WaitAsync(StateWaiter.Patience);
    }

    [Fact]
    public async Task PublishWhileDisconnected_BeyondTheReconnectBuffer_FailsWithATypedErrorAndKeepsWhatFit()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync(o => o.ReconnectBufferSize = 10_000);
        await using var subscription = await connection.SubscribeAsync("buffer.test");
        var reconnecting = connection.NextAsync(NatsConnectionState.Reconnecting);
        await server.Server.StopAsync();
        await reconnecting;

        var accepted = 0;
        NatsReconnectBufferFullException? full = null;
        while (full is null)
        {
            try
            {
                await connection.PublishAsync("buffer.test", new byte[1000]);
                accepted++;
            }
            catch (NatsReconnectBufferFullException e)
            {
                full = e;
            }
        }
        var connected = connection.NextAsync(NatsConnectionState.Connected);
        await server.Server.RestartAsync();
        await connected;
        await connection.PingAsync();

        Assert.InRange(accepted, 8, 9);
        Assert.Equal(10_000, full.Limit);
        Assert.True(full.BufferedBytes <= 10_000);
        Assert.Equal(accepted, subscription.Messages.Count);
    }

    [Fact]
    public async Task PublishWhileDisconnected_WithoutAReconnectBuffer_FailsAtOnce()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync(o => o.ReconnectBufferSize = 0);
        var reconnecting = connection.NextAsync(NatsConnectionState.Reconnecting);
        await server.Server.StopAsync();
        await reconnecting;

        await Assert.ThrowsAsync<NatsReconnectBufferFullException>(() => connection.PublishAsync("x", "1"u8.ToArray()).AsTask());
        await Assert.ThrowsAsync<NatsConnectionException>(() => connection.PingAsync());
    }

    [Fact]
    public async Task LosingTheServer_MovesToTheNextServerOfTheList()
    {
        await using var first = await PrivateNatsServer.StartAsync();
        await using var second = await PrivateNatsServer.StartAsync();
        await using var connection = await TestConnections.ConnectAsync($"{first.Url},{second.Url}");
        await using var subscription = await connection.SubscribeAsync("failover.test");
        Assert.Equal(first.Url, connection.ConnectedServer?.ToString());
        var moved = connection.NextAsync(NatsConnectionState.Connected);

        await first.Server.KillAsync();
        await moved;
        await connection.PublishAsync("failover.test", "moved"u8.ToArray());

        Assert.Equal(second.Url, connection.ConnectedServer?.ToString());
        Assert.Equal("moved", (await subscription.Messages.ReadAsync().AsTask().WaitAsync(StateWaiter.Patience)).GetString());
    }

    [Fact]
    public async Task AfterMaxReconnectAttempts_TheConnectionClosesAndSaysWhy()
    {
        await using var server = await PrivateNatsServer.StartAsync();
        await using var connection = await server.ConnectAsync(o => o.MaxReconnectAttempts = 2);
        var subscription = await connection.SubscribeAsync("closing.test");
        var closed = connection.NextAsync(NatsConnectionState.Closed);

        await server.Server.StopAsync();
        await closed;

        Assert.Equal(NatsConnectionState.Closed, connection.State);
        var ended = await Assert.ThrowsAnyAsync<Exception>(() => subscription.ToListAsync(StateWaiter.Patience));
        Assert.IsType<NatsConnectionException>(ended.InnerException ?? ended);
        await Assert.ThrowsAsync<NatsConnectionException>(() => connection.PublishAsync("closing.test").AsTask());
    }

    [Fact]
    public async Task ConnectAsync_WhenNoServerListens_FailsWithAConnectionError()
    {
        var port = Daarion.Hosting.FreePort.Next();

        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => TestConnections.ConnectAsync($"nats://127.0.0.1:{port}"));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
