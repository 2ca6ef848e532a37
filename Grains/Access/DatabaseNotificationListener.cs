using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Keeps one connection LISTENing on the handlers' channels, so a change committed by any host reaches this one.
/// After each (re)connect, and whenever the connection was quiet for a while, every handler catches up.
/// </summary>
internal sealed class DatabaseNotificationListener(
    NpgsqlDataSource dataSource,
    IEnumerable<IDatabaseNotificationHandler> handlers,
    IOptions<AccessOptions> options,
    ILogger<DatabaseNotificationListener> logger) : BackgroundService
{
    // A quiet connection is checked this often; a missed notification is caught up at the latest then.
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IDatabaseNotificationHandler> _handlers = handlers.ToDictionary(h => h.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ListenerFailed(logger, e);
                await Task.Delay(options.Value.ListenerReconnectDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        var received = new List<(string Channel, string Payload)>();
        connection.Notification += (_, e) => received.Add((e.Channel, e.Payload));
        foreach (var channel in _handlers.Keys)
        {
            await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }
        await CatchUpAsync(stoppingToken).ConfigureAwait(false);
        while (true)
        {
            if (!await connection.WaitAsync(QuietCheck, stoppingToken).ConfigureAwait(false))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                await CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
            // Notifications arrive during WaitAsync; they are handled after it, off the listening connection.
            foreach (var (channel, payload) in received) await _handlers[channel].OnNotificationAsync(payload, stoppingToken).ConfigureAwait(false);
            received.Clear();
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        foreach (var handler in _handlers.Values) await handler.CatchUpAsync(stoppingToken).ConfigureAwait(false);
    }
}
