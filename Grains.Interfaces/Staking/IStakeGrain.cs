using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Staking;

/// <summary>
/// One staker's RINGK in one DAO (key: <see cref="StakeKey"/>). The money is in the ledger: the stake wallet holds
/// what is staked, the unbonding wallet what waits for its cooldown. The grain orders a staker's stakes and unstakes
/// and emits staking.locked / staking.unlocked.
/// </summary>
public interface IStakeGrain : IGrainWithStringKey
{
    /// <summary>Moves <see cref="StakeCommand.Amount"/> RINGK from the staker's wallet into the stake wallet.</summary>
    Task<LedgerResult<StakePosition>> Stake(StakeCommand command);

    /// <summary>Moves RINGK from the stake wallet to the unbonding wallet; it returns to the staker after the cooldown.</summary>
    Task<LedgerResult<StakePosition>> Unstake(StakeCommand command);

    /// <summary>The position, after releasing unbonded RINGK whose cooldown has ended.</summary>
    Task<StakePosition> Get();
}
