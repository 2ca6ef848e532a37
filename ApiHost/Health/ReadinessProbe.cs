using Daarion.Adapters.Nats;
using Daarion.ApiHost.Infrastructure;
using Npgsql;

namespace Daarion.ApiHost.Health;

/// <summary>Asks PostgreSQL for SELECT 1 and NATS for a PONG, both within a short timeout, in parallel.</summary>
internal sealed class ReadinessProbe(NpgsqlDataSource database, InfrastructureEndpoints endpoints, ILogger<ReadinessProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var postgres = CheckPostgresAsync(cancellationToken);
        var nats = CheckNatsAsync(cancellationToken);
        return new ReadinessReport(await postgres, await nats);
    }

    private async Task<DependencyStatus> CheckPostgresAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            try
            {
                await SelectOneAsync(deadline.Token);
            }
            catch (NpgsqlException) when (!deadline.IsCancellationRequested)
            {
                // A pooled connection may predate a database restart: the failed one is discarded, try a fresh one.
                await SelectOneAsync(deadline.Token);
            }
            return new DependencyStatus("up");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            var error = deadline.IsCancellationRequested ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
            Log.ReadinessFailed(logger, "postgres", error);
            return new DependencyStatus("down", error);
        }
    }

    private async Task SelectOneAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<DependencyStatus> CheckNatsAsync(CancellationToken cancellationToken)
    {
        // A cluster is ready when any listed server accepts us.
        string? error = null;
        foreach (var server in NatsServerAddress.ParseList(endpoints.NatsUrl))
        {
            var result = await NatsProbe.CheckAsync(server, Timeout, cancellationToken);
            if (result.Reachable) return new DependencyStatus("up", JetStream: result.JetStream);
            error = $"{server}: {result.Error}";
        }
        Log.ReadinessFailed(logger, "nats", error!);
        return new DependencyStatus("down", error);
    }
}
