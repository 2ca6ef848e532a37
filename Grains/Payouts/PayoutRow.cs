namespace Daarion.Grains.Payouts;

/// <summary>A payout about to be generated: one staker's share of one site's period.</summary>
internal sealed record PayoutRow(Guid PayoutId, string UserId, decimal Amount, decimal Stake, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, decimal EnergyKwh, decimal Rate, decimal TotalStake);
