using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>Writes keys' last-used times in one statement every Access:KeyUsageFlushInterval, and once more at shutdown.</summary>
internal sealed class ApiKeyUsageWriter(ApiKeyUsage usage, NpgsqlDataSource dataSource, IOptions<AccessOptions> options, ILogger<ApiKeyUsageWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyUsageFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) await FlushAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var uses = usage.Take();
        if (uses.Count == 0) return;
        try
        {
            await using var command = dataSource.CreateCommand(
                "UPDATE api_keys k SET last_used_at = u.at FROM unnest($1::uuid[], $2::timestamptz[]) AS u (key_id, at) " +
                "WHERE k.key_id = u.key_id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)");
            command.Parameters.Add(new NpgsqlParameter { Value = uses.Keys.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = uses.Values.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            Log.KeyUsageWriteFailed(logger, e, uses.Count);
            usage.Restore(uses);
        }
    }
}
