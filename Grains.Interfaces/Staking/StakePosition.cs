namespace Daarion.Grains.Interfaces.Staking;

/// <summary>A staker's RINGK in a DAO: staked (earning payouts) and unbonding (waiting for the cooldown).</summary>
public sealed record StakePosition(
    string DaoId,
    string UserId,
    string Asset,
    decimal Staked,
    IReadOnlyList<Unbonding> Unbonding,
    Guid? StakeWalletId,
    Guid? UnbondingWalletId);

/// <summary>RINGK on its way back to the staker, released at <see cref="UnlocksAt"/>.</summary>
public sealed record Unbonding(Guid Id, decimal Amount, DateTimeOffset UnlocksAt);
