using Microsoft.Extensions.Logging;

namespace Daarion.Grains;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "The ledger commit loop failed; its group's callers get an unknown outcome")]
    public static partial void CommitLoopFailed(ILogger logger, Exception error);

    [LoggerMessage(2, LogLevel.Warning, "PostgreSQL refused a ledger group of {Operations} operations (SQLSTATE {SqlState})")]
    public static partial void GroupRefused(ILogger logger, Exception error, int operations, string sqlState);

    [LoggerMessage(3, LogLevel.Warning, "The outcome of a ledger group of {Operations} operations is unknown; its wallets will re-read their balances")]
    public static partial void OutcomeUnknown(ILogger logger, Exception error, int operations);

    [LoggerMessage(4, LogLevel.Warning, "Wallet {WalletId} could not settle a commit; it re-reads its balance on its next activation")]
    public static partial void SettleFailed(ILogger logger, Exception error, Guid walletId);

    [LoggerMessage(5, LogLevel.Warning, "Releasing expired holds failed; retrying on the next pass")]
    public static partial void HoldExpiryFailed(ILogger logger, Exception error);

    [LoggerMessage(6, LogLevel.Information, "Released {Count} expired holds")]
    public static partial void HoldsExpired(ILogger logger, int count);

    [LoggerMessage(60, LogLevel.Warning, "Site {SiteId} could not take {Readings} readings of a batch; they are reported failed (retry is safe)")]
    public static partial void SiteIngestFailed(ILogger logger, Exception error, string siteId, int readings);
}
