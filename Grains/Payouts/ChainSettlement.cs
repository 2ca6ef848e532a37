using Daarion.Adapters.Evm;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Grains.Payouts;

/// <summary>
/// The chain side of a claim, with every outcome of the client sorted into pending, paid or refused. The contract
/// refuses a payout id twice, so submitting again after a lost answer can never pay twice.
/// </summary>
internal sealed class ChainSettlement(IPayoutSettlement? client, ILogger<ChainSettlement> logger)
{
    private IPayoutSettlement Client => client ?? throw new InvalidOperationException("Payouts:Settlement is Chain but the Evm client is not configured.");

    /// <summary>Sends the settlement; the hash (to store before waiting) when sent, else the step it ended in.</summary>
    public async Task<(string? Hash, ChainStep Step, string? Reason)> SubmitAsync(Guid payoutId, string address, decimal amount)
    {
        try
        {
            var sent = await Client.SubmitAsync(new PayoutClaim(payoutId.ToString(), EthereumAddress.Parse(address), amount));
            return (sent.Hash.ToString(), ChainStep.Pending, null);
        }
        catch (PayoutAlreadySettledException)
        {
            // A send whose answer was lost (a crash, a timeout) went through.
            return (null, ChainStep.Paid, null);
        }
        catch (PayoutRefusedException e)
        {
            return (null, ChainStep.Refused, $"the settlement contract refused it ({e.Error})");
        }
        catch (ArgumentException e)
        {
            return (null, ChainStep.Refused, e.Message);
        }
        catch (EvmException e)
        {
            Log.ChainUnavailable(logger, payoutId, e.Message);
            return (null, ChainStep.Pending, null);
        }
    }

    /// <summary>Waits (at most <paramref name="wait"/>) for the transaction to be final, then says whether the payout was paid.</summary>
    public async Task<(ChainStep Step, string? Reason)> ConfirmAsync(Guid payoutId, string hash, TimeSpan wait)
    {
        try
        {
            using var timeout = new CancellationTokenSource(wait);
            var result = await Client.WaitAsync(TransactionHash.Parse(hash), timeout.Token);
            if (result.Succeeded) return (ChainStep.Paid, null);
            // This transaction reverted; another one (a resubmission after a lost answer) may have paid it.
            return await Client.IsSettledAsync(payoutId.ToString()) ? (ChainStep.Paid, null) : (ChainStep.Refused, $"transaction {hash} reverted");
        }
        catch (Exception e) when (e is EvmException or OperationCanceledException)
        {
            Log.ChainUnavailable(logger, payoutId, e.Message);
            return (ChainStep.Pending, null);
        }
    }
}
