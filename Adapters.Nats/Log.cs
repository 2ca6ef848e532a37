using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Nats;

// Server addresses are logged through NatsServerAddress.ToString, which leaves the credentials out.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connected to {Server} ({ServerName}, nats-server {Version}, JetStream {JetStream})")]
    public static partial void Connected(ILogger logger, NatsServerAddress server, string? serverName, string version, bool jetStream);

    [LoggerMessage(2, LogLevel.Warning, "Lost the connection to {Server}: {Reason}")]
    public static partial void Disconnected(ILogger logger, NatsServerAddress server, string reason);

    // The reason names the server.
    [LoggerMessage(3, LogLevel.Information, "Connection attempt failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Error, "Gave up reconnecting after {Attempts} rounds over the servers; the connection is closed")]
    public static partial void GaveUp(ILogger logger, int attempts);

    [LoggerMessage(5, LogLevel.Warning, "{Server} reported an error: {Error}")]
    public static partial void ServerError(ILogger logger, NatsServerAddress server, string error);

    [LoggerMessage(6, LogLevel.Warning, "Slow consumer on '{Subject}': its queue is full, dropping messages")]
    public static partial void SlowConsumer(ILogger logger, string subject);

    [LoggerMessage(7, LogLevel.Information, "Learned of {Count} more servers from {Server}: {Servers}")]
    public static partial void ServersDiscovered(ILogger logger, int count, NatsServerAddress server, string servers);

    [LoggerMessage(8, LogLevel.Warning, "{Server} entered lame duck mode and will shut down soon")]
    public static partial void LameDuckMode(ILogger logger, NatsServerAddress server);

    [LoggerMessage(9, LogLevel.Error, "A {Event} event handler threw")]
    public static partial void EventHandlerFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Reconnecting: round {Attempt} in {Delay}")]
    public static partial void ReconnectDelay(ILogger logger, int attempt, TimeSpan delay);
}
