using Daarion.Adapters.Evm.Rpc;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>
/// Polls for a transaction's receipt until it is mined and buried under enough blocks. The receipt is re-read on
/// every poll, so one whose block was reorganised away is not returned from the stale block.
/// </summary>
public sealed class ReceiptWaiter(EvmRpcClient rpc, EvmOptions options, TimeProvider time, ILogger<ReceiptWaiter> logger)
{
    /// <summary>Waits with the configured confirmations and timeout.</summary>
    public Task<TransactionReceipt> WaitAsync(TransactionHash hash, CancellationToken ct = default) =>
        WaitAsync(hash, options.Confirmations, options.ReceiptTimeout, ct);

    /// <summary>
    /// Returns the receipt once the transaction's block has <paramref name="confirmations"/> blocks on top of it, its own
    /// included (1 = mined). A reverted transaction returns too, with <see cref="TransactionReceipt.Succeeded"/> false.
    /// Throws <see cref="EvmReceiptTimeoutException"/> after <paramref name="timeout"/>; node failures on the way are retried.
    /// </summary>
    public async Task<TransactionReceipt> WaitAsync(TransactionHash hash, int confirmations, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmations, 1);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        TransactionReceipt? seen = null;
        try
        {
            while (true)
            {
                try
                {
                    // Null again after a sighting means the block was reorganised away: wait for the new inclusion.
                    seen = await rpc.GetTransactionReceiptAsync(hash, linked.Token).ConfigureAwait(false);
                    if (seen is not null && await IsConfirmedAsync(seen, confirmations, linked.Token).ConfigureAwait(false))
                        return seen;
                }
                catch (EvmException e) when (e is EvmHttpException or EvmTimeoutException)
                {
                    // The node being briefly away is no reason to give up on a transaction it already holds.
                    Log.ReceiptPollFailed(logger, hash, e.Message);
                }
                await Task.Delay(options.ReceiptPollInterval, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new EvmReceiptTimeoutException(hash, timeout, seen?.BlockNumber);
        }
    }

    private async Task<bool> IsConfirmedAsync(TransactionReceipt receipt, int confirmations, CancellationToken ct)
    {
        if (confirmations == 1)
            return true;
        var head = await rpc.GetBlockNumberAsync(ct).ConfigureAwait(false);
        return head >= receipt.BlockNumber + (ulong)confirmations - 1;
    }
}
