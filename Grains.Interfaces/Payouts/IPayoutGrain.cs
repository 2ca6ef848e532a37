using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>
/// One payout (key: its id). Orders its life, generated → claimed → settled | failed, so concurrent claims of one
/// payout cannot both pay.
/// </summary>
public interface IPayoutGrain : IGrainWithStringKey
{
    /// <summary>The payout, or null when no payout has this id.</summary>
    Task<PayoutView?> Get();

    /// <summary>Claims the payout for its staker and settles it; a retry with the same key resumes or repeats the answer.</summary>
    Task<LedgerResult<PayoutView>> Claim(ClaimCommand command);
}
