using Daarion.Hosting;

namespace Daarion.ApiHost.Infrastructure;

/// <summary>Applies the sql/ migrations before the silo and the endpoints start (hosted services start in order).</summary>
internal sealed class MigrationsHostedService(InfrastructureEndpoints endpoints, ILogger<MigrationsHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SqlMigrations.ApplyAsync(endpoints.DatabaseConnectionString, logger: logger, ct: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
