using Xunit;

using Daarion.Testing;

namespace Daarion.Hosting.Tests;

public sealed class LocalInfrastructureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StartAsync_StartsPostgresAndNatsUnderDataRoot_AndDisposeStopsBoth()
    {
        var infrastructure = await LocalInfrastructure.StartAsync(_temp.Path, startPostgres: true, startNats: true);
        var (postgres, nats) = (infrastructure.Postgres!, infrastructure.Nats!);

        Assert.Equal(Path.Combine(_temp.Path, "postgres"), postgres.DataDirectory);
        Assert.True(Directory.Exists(Path.Combine(_temp.Path, "nats", "jetstream")));
        Assert.Equal("daarion", await Sql.ScalarAsync<string>(postgres.ConnectionString, "SELECT current_database()"));
        Assert.True(Ports.Accepts(nats.Port));

        await infrastructure.DisposeAsync();

        Assert.False(Ports.Accepts(postgres.Port));
        Assert.False(Ports.Accepts(nats.Port));
    }

    [Fact]
    public async Task StartAsync_WithNothingRequested_StartsNothing()
    {
        await using var infrastructure = await LocalInfrastructure.StartAsync(_temp.Path, startPostgres: false, startNats: false);

        Assert.Null(infrastructure.Postgres);
        Assert.Null(infrastructure.Nats);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
