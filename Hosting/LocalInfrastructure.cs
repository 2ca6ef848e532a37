using Microsoft.Extensions.Logging;

namespace Daarion.Hosting;

/// <summary>
/// The private servers ./run starts when DATABASE_URL / NATS_URL are not given:
/// PostgreSQL under dataRoot/postgres and nats-server (JetStream) under dataRoot/nats, on free ports.
/// </summary>
public sealed class LocalInfrastructure : IAsyncDisposable
{
    // One stop shared by every caller: a host may stop twice at once (its own run loop and its owner's dispose),
    // and the second caller must wait for the servers to be down too, not return because the first began.
    private readonly Lazy<Task> _stop;

    private LocalInfrastructure(PostgresServer? postgres, NatsServer? nats)
    {
        Postgres = postgres;
        Nats = nats;
        _stop = new Lazy<Task>(StopAsync);
    }

    public PostgresServer? Postgres { get; }

    public NatsServer? Nats { get; }

    public static async Task<LocalInfrastructure> StartAsync(
        string dataRoot, bool startPostgres, bool startNats, ILogger? logger = null, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(dataRoot);
        // Both start at once: together they take as long as the slower one.
        var postgres = StartPostgresAsync();
        var nats = StartNatsAsync();
        try
        {
            await Task.WhenAll(postgres, nats);
        }
        catch
        {
            // One may have started while the other failed: stop it before reporting the failure.
            await new LocalInfrastructure(Started(postgres), Started(nats)).DisposeAsync();
            throw;
        }
        return new LocalInfrastructure(postgres.Result, nats.Result);

        async Task<PostgresServer?> StartPostgresAsync() => startPostgres
            ? await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = Path.Combine(root, "postgres") }, logger, ct)
            : null;

        async Task<NatsServer?> StartNatsAsync() => startNats
            ? await NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = Path.Combine(root, "nats") }, logger, ct)
            : null;
    }

    public async ValueTask DisposeAsync() => await _stop.Value;

    private async Task StopAsync()
    {
        if (Nats is not null)
            await Nats.StopAsync();
        if (Postgres is not null)
            await Postgres.StopAsync();
    }

    private static T? Started<T>(Task<T?> start) where T : class => start.IsCompletedSuccessfully ? start.Result : null;
}
