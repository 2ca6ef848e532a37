namespace Daarion.ApiHost;

internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Warning, "Readiness check failed: {Check} {Error}")]
    public static partial void ReadinessFailed(ILogger logger, string check, string error);

    [LoggerMessage(3, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception error, string method, string path);

    [LoggerMessage(4, LogLevel.Information, "DAARION API listening on {Urls}; PostgreSQL {Database}; NATS {Nats} ({Mode})")]
    public static partial void Started(ILogger logger, string urls, string database, string nats, string mode);

    [LoggerMessage(5, LogLevel.Warning, "Sending a mail \"{Subject}\" to an address at {Domain} failed; it is dropped")]
    public static partial void MailFailed(ILogger logger, Exception error, string subject, string domain);

    [LoggerMessage(6, LogLevel.Warning, "The mail queue is full; a mail \"{Subject}\" was dropped")]
    public static partial void MailDropped(ILogger logger, string subject);

    [LoggerMessage(7, LogLevel.Information, "Retention: deleted {Count} rows of {Table} older than {Age}")]
    public static partial void RetentionDeleted(ILogger logger, long count, string table, TimeSpan age);

    [LoggerMessage(8, LogLevel.Warning, "Retention: sweeping {Table} failed, the next sweep retries: {Reason}")]
    public static partial void RetentionFailed(ILogger logger, string table, string reason);

    [LoggerMessage(20, LogLevel.Warning, "Refused a webhook for platform {Platform}: {Check}")]
    public static partial void WebhookRefused(ILogger logger, string platform, string check);
}
