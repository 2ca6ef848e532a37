using Microsoft.Extensions.Logging;

namespace Daarion.Hosting;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Initializing a PostgreSQL cluster in {DataDirectory}")]
    public static partial void PostgresInitializing(ILogger logger, string dataDirectory);

    [LoggerMessage(2, LogLevel.Information, "Starting {Server} on 127.0.0.1:{Port} ({Directory})")]
    public static partial void ServerStarting(ILogger logger, string server, int port, string directory);

    [LoggerMessage(3, LogLevel.Information, "{Server} is ready on 127.0.0.1:{Port}")]
    public static partial void ServerReady(ILogger logger, string server, int port);

    [LoggerMessage(4, LogLevel.Warning, "Port {Port} was taken before {Server} could bind it; trying another")]
    public static partial void PortTaken(ILogger logger, string server, int port);

    [LoggerMessage(5, LogLevel.Information, "Stopping {Server} on port {Port}")]
    public static partial void ServerStopping(ILogger logger, string server, int port);

    [LoggerMessage(6, LogLevel.Warning, "{Server} on port {Port} did not stop within {Timeout}; killed it")]
    public static partial void StopTimedOut(ILogger logger, string server, int port, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Warning, "Killing {Server} on port {Port}")]
    public static partial void ServerKilled(ILogger logger, string server, int port);

    [LoggerMessage(8, LogLevel.Warning, "A postmaster (PID {Pid}) from an earlier run still serves {DataDirectory}; stopping it")]
    public static partial void LeftoverPostmasterStopping(ILogger logger, int pid, string dataDirectory);

    [LoggerMessage(9, LogLevel.Information, "Removed the stale postmaster.pid of a dead server in {DataDirectory}")]
    public static partial void StalePidFileRemoved(ILogger logger, string dataDirectory);

    [LoggerMessage(10, LogLevel.Information, "Granted others search permission on {Directory} so the postgres user can reach its data directory")]
    public static partial void DirectoryMadeTraversable(ILogger logger, string directory);

    [LoggerMessage(11, LogLevel.Information, "Applied migration {Id}")]
    public static partial void MigrationApplied(ILogger logger, string id);

    [LoggerMessage(12, LogLevel.Information, "Migrations up to date: {Applied} applied now, {Known} known")]
    public static partial void MigrationsDone(ILogger logger, int applied, int known);

    [LoggerMessage(13, LogLevel.Information, "Writing back the file system of {Directory} every {IntervalMs} ms, so dirty pages never pile up behind the WAL")]
    public static partial void WritebackPacingStarted(ILogger logger, string directory, int intervalMs);

    [LoggerMessage(14, LogLevel.Warning, "Cannot write back the file system of {Directory} ({Error}); commits may stall when the kernel flushes a backlog")]
    public static partial void WritebackPacingUnavailable(ILogger logger, string directory, string error);
}
