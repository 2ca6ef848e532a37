namespace Daarion.Grains.Interfaces.Staking;

/// <summary>A stake or unstake of <see cref="Amount"/> RINGK, under the caller's idempotency key.</summary>
public sealed record StakeCommand(string IdempotencyKey, decimal Amount);
