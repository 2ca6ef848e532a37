using System.Collections.Concurrent;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm.Sending;

/// <summary>
/// Hands out nonces per sending account, one send at a time, so concurrent claims never reuse a nonce or leave a gap.
/// The next nonce is read from the node (pending count) on first use and after any failed send: a send that
/// failed or timed out may or may not have reached the pool, and only the node knows which.
/// </summary>
public sealed class NonceManager(EvmRpcClient rpc, ILogger<NonceManager> logger)
{
    private readonly ConcurrentDictionary<EthereumAddress, AccountNonce> _accounts = new();

    /// <summary>
    /// Runs <paramref name="send"/> with the account's next nonce while holding the account's turn. The nonce counts
    /// as used only when <paramref name="send"/> returns; when it throws, the next send resynchronises from the node.
    /// </summary>
    public async Task<T> SendWithNextNonceAsync<T>(EthereumAddress account, Func<ulong, CancellationToken, Task<T>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(send);
        var state = _accounts.GetOrAdd(account, _ => new AccountNonce());
        await state.Turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (state.Next is null)
            {
                state.Next = await rpc.GetPendingTransactionCountAsync(account, ct).ConfigureAwait(false);
                Log.NonceSynchronised(logger, account, state.Next.Value);
            }
            var nonce = state.Next.Value;
            try
            {
                var result = await send(nonce, ct).ConfigureAwait(false);
                state.Next = nonce + 1;
                return result;
            }
            catch
            {
                state.Next = null;
                throw;
            }
        }
        finally
        {
            state.Turn.Release();
        }
    }

    private sealed class AccountNonce
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public ulong? Next { get; set; }
    }
}
