namespace Daarion.Adapters.Nats.Tests;

// One nats-server -js for the tests that only publish, subscribe and manage streams: each uses its own subjects
// and stream names, so they can share it and run in parallel.
public sealed class SharedNatsServer : IAsyncLifetime
{
    private PrivateNatsServer? _server;

    public string Url => _server?.Url ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await PrivateNatsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public Task<NatsConnection> ConnectAsync(Action<NatsOptions>? configure = null) => TestConnections.ConnectAsync(Url, configure);
}
