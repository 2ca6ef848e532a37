using Xunit;

using Daarion.Testing;

namespace Daarion.Hosting.Tests;

// One server for a test class; each test takes its own database from it.
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() =>
        _server = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = Path.Combine(_temp.Path, "pg") });

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _temp.Dispose();
    }

    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync($"t_{Guid.NewGuid():N}");
}
