using System.Security.Cryptography;
using Daarion.Adapters.Evm.Sending;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Sending;

[Collection(LocalChainCollection.Name)]
public sealed class ReceiptWaiterTests(LocalChain chain)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WithThreeConfirmations_ReturnsOnlyOnceTwoMoreBlocksAreMined()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });
        var minedIn = (await stack.Waiter.WaitAsync(sent.Hash)).BlockNumber;

        var waiting = stack.Waiter.WaitAsync(sent.Hash, confirmations: 3, Patience);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await chain.MineAsync(1);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await chain.MineAsync(1);

        Assert.Equal(minedIn, (await waiting.WaitAsync(Patience)).BlockNumber);
    }

    [Fact]
    public async Task ATransactionStillInThePool_IsWaitedForUntilMined()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        await chain.Rpc.SendAsync("evm_setAutomine", [false]);
        try
        {
            var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });
            var waiting = stack.Waiter.WaitAsync(sent.Hash);
            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);

            await chain.MineAsync(1);

            Assert.True((await waiting.WaitAsync(Patience)).Succeeded);
        }
        finally
        {
            await chain.Rpc.SendAsync("evm_setAutomine", [true]);
        }
    }

    [Fact]
    public async Task AHashNeverMined_TimesOutWithATypedErrorCarryingTheHash()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var unknown = TransactionHash.FromBytes(RandomNumberGenerator.GetBytes(32));

        var timeout = await Assert.ThrowsAsync<EvmReceiptTimeoutException>(() => stack.Waiter.WaitAsync(unknown, 1, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(unknown, timeout.Hash);
        Assert.Null(timeout.MinedInBlock);
    }

    [Fact]
    public async Task AMinedButShallowTransaction_TimesOutSayingWhereItWasMined()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });
        var minedIn = (await stack.Waiter.WaitAsync(sent.Hash)).BlockNumber;

        var timeout = await Assert.ThrowsAsync<EvmReceiptTimeoutException>(() => stack.Waiter.WaitAsync(sent.Hash, 5, TimeSpan.FromSeconds(2)));

        Assert.Equal(minedIn, timeout.MinedInBlock);
    }

    [Fact]
    public async Task CancellingTheCaller_IsACancellationNotATimeout()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => stack.Waiter.WaitAsync(TransactionHash.FromBytes(new byte[32]), 1, Patience, cancel.Token));
    }
}
