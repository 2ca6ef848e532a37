namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>
/// A staker's share of a site's payout for one period: <see cref="Amount"/> of <see cref="Asset"/> for
/// <see cref="EnergyKwh"/> delivered at <see cref="Rate"/>, split by <see cref="Stake"/> of <see cref="TotalStake"/>.
/// </summary>
public sealed record PayoutView(
    Guid PayoutId,
    string SiteId,
    string DaoId,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string UserId,
    string Asset,
    decimal Amount,
    decimal EnergyKwh,
    decimal Rate,
    decimal Stake,
    decimal TotalStake,
    string Status,
    Guid? TransactionId,
    string? ChainTxHash,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
