using Daarion.Grains.Interfaces.Staking;

namespace Daarion.Grains.Staking;

/// <summary>
/// What the stake grain has accounted for: the RINGK its staking.locked events announced minus what it unstaked,
/// the unbondings waiting for their cooldown, and the ledger transactions already applied (so a retried request
/// that the ledger replays is not counted twice).
/// </summary>
public sealed class StakeState
{
    public Guid? StakeWalletId { get; set; }

    public Guid? UnbondingWalletId { get; set; }

    public decimal Staked { get; set; }

    public List<Unbonding> Unbonding { get; set; } = [];

    /// <summary>The most recent applied stake/unstake transactions, newest last (bounded).</summary>
    public List<Guid> Applied { get; set; } = [];
}
