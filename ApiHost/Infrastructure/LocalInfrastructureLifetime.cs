using Daarion.Hosting;

namespace Daarion.ApiHost.Infrastructure;

/// <summary>Stops the private PostgreSQL and nats-server when the host stops (registered first, so stopped last).</summary>
internal sealed class LocalInfrastructureLifetime(LocalInfrastructure infrastructure) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await infrastructure.DisposeAsync();
}
