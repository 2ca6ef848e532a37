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

    [LoggerMessage(7, LogLevel.Warning, "Writing {Count} decisions to the decision log failed; retrying")]
    public static partial void DecisionLogWriteFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(8, LogLevel.Error, "{Count} decisions could not be written to the decision log before shutdown")]
    public static partial void DecisionLogLost(ILogger logger, Exception error, int count);

    [LoggerMessage(9, LogLevel.Warning, "Listening for database notifications failed; reconnecting")]
    public static partial void ListenerFailed(ILogger logger, Exception error);

    [LoggerMessage(10, LogLevel.Information, "Policy registry at version {Version}")]
    public static partial void PolicyLoaded(ILogger logger, long version);

    [LoggerMessage(11, LogLevel.Warning, "Recording the last use of {Count} keys failed; retrying with the next flush")]
    public static partial void KeyUsageWriteFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(20, LogLevel.Warning, "Unbonding {UnbondingId} in DAO {DaoId} was not released ({Code}: {Detail}); retrying on the next check")]
    public static partial void UnbondingNotReleased(ILogger logger, Guid unbondingId, string daoId, Interfaces.Ledger.LedgerErrorCode code, string detail);

    [LoggerMessage(21, LogLevel.Warning, "Stake in DAO {DaoId} caught up with its wallets: {LostStake} staked and {LostUnstake} unstaked without a record")]
    public static partial void Reconciled(ILogger logger, string daoId, decimal lostStake, decimal lostUnstake);

    [LoggerMessage(22, LogLevel.Information, "Site {SiteId}: {Payouts} payouts for {Periods} periods through {End}")]
    public static partial void PeriodsPaid(ILogger logger, string siteId, int payouts, int periods, DateTimeOffset end);

    [LoggerMessage(23, LogLevel.Warning, "Payout run for site {SiteId} failed; the next tick retries")]
    public static partial void SitePayoutFailed(ILogger logger, Exception error, string siteId);

    [LoggerMessage(24, LogLevel.Warning, "Settling payout {PayoutId} failed ({Code}: {Detail}); a retried claim resumes it")]
    public static partial void SettlementPending(ILogger logger, Guid payoutId, Interfaces.Ledger.LedgerErrorCode code, string detail);

    [LoggerMessage(25, LogLevel.Warning, "The payout clock's reminder could not be registered; retrying in {Backoff}")]
    public static partial void PayoutClockNotStarted(ILogger logger, Exception error, TimeSpan backoff);

    [LoggerMessage(26, LogLevel.Warning, "Chain settlement of payout {PayoutId} is not final yet: {Reason}")]
    public static partial void ChainUnavailable(ILogger logger, Guid payoutId, string reason);

    [LoggerMessage(27, LogLevel.Warning, "Payout {PayoutId} failed to settle on chain ({Reason}); its ledger credit was reversed")]
    public static partial void PayoutFailed(ILogger logger, Guid payoutId, string reason);

    [LoggerMessage(60, LogLevel.Warning, "Site {SiteId} could not take {Readings} readings of a batch; they are reported failed (retry is safe)")]
    public static partial void SiteIngestFailed(ILogger logger, Exception error, string siteId, int readings);

    [LoggerMessage(61, LogLevel.Information, "Sealed {DeviceKeys} device keys and {WebhookSecrets} webhook secrets under the current secrets key")]
    public static partial void SecretsResealed(ILogger logger, int deviceKeys, int webhookSecrets);
}
