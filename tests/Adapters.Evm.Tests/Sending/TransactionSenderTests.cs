using System.Numerics;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Sending;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Sending;

[Collection(LocalChainCollection.Name)]
public sealed class TransactionSenderTests(LocalChain chain)
{
    [Theory]
    [InlineData(EvmSignerMode.Local)]
    [InlineData(EvmSignerMode.Node)]
    public async Task ConcurrentSends_FromOneAccount_GetConsecutiveNoncesAndAllMine(EvmSignerMode mode)
    {
        using var stack = mode == EvmSignerMode.Local
            ? EvmStack.WithKey(chain, await chain.FundedKeyAsync())
            : EvmStack.WithNodeAccount(chain, chain.DevAccounts[2]);
        var first = await stack.Rpc.GetPendingTransactionCountAsync(stack.Sender.From);

        var sent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 })));
        var receipts = await Task.WhenAll(sent.Select(s => stack.Waiter.WaitAsync(s.Hash)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => first + (ulong)i), sent.Select(s => s.Nonce).Order());
        Assert.All(receipts, receipt => Assert.True(receipt.Succeeded));
        Assert.Equal(first + 20, await stack.Rpc.GetPendingTransactionCountAsync(stack.Sender.From));
    }

    [Fact]
    public async Task AfterASendTheManagerDidNotSee_OneSendFailsAndTheNextResynchronises()
    {
        var key = await chain.FundedKeyAsync();
        using var stack = EvmStack.WithKey(chain, key);
        var recipient = EthereumKey.Generate().Address;
        var first = await stack.Sender.SendAsync(new TransactionRequest { To = recipient, Value = 1 });
        // Another process using the same key takes the nonce the manager would hand out next.
        var outside = new UnsignedTransaction
        {
            ChainId = LocalChain.ChainId, Nonce = first.Nonce + 1, GasLimit = 21_000, Fees = new LegacyFees(BigInteger.Pow(10, 10)), To = recipient, Value = 1,
        };
        await chain.Rpc.SendRawTransactionAsync(outside.Sign(key));

        var failure = await Assert.ThrowsAsync<EvmRpcException>(() => stack.Sender.SendAsync(new TransactionRequest { To = recipient, Value = 1 }));
        var next = await stack.Sender.SendAsync(new TransactionRequest { To = recipient, Value = 1 });

        Assert.Contains("nonce", failure.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first.Nonce + 2, next.Nonce);
        Assert.True((await stack.Waiter.WaitAsync(next.Hash)).Succeeded);
    }

    [Fact]
    public async Task LegacyType_SendsAnEip155TransactionThatIsMined()
    {
        var key = await chain.FundedKeyAsync();
        using var stack = EvmStack.WithKey(chain, key, options => options.TransactionType = EvmTransactionType.Legacy);

        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 5 });
        var receipt = await stack.Waiter.WaitAsync(sent.Hash);
        var transaction = await chain.Rpc.SendAsync("eth_getTransactionByHash", [sent.Hash.ToString()]);

        Assert.True(receipt.Succeeded);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal("0x0", transaction.GetProperty("type").GetString());
        Assert.Equal(Quantity.Format(LocalChain.ChainId), transaction.GetProperty("chainId").GetString());
    }

    [Fact]
    public async Task Eip1559_OffersTwiceTheBaseFeePlusTheTip_WithinTheCap()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var baseFee = (await stack.Rpc.GetBaseFeePerGasAsync())!.Value;
        var tip = await stack.Rpc.GetMaxPriorityFeePerGasAsync();

        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });
        var transaction = await chain.Rpc.SendAsync("eth_getTransactionByHash", [sent.Hash.ToString()]);

        Assert.Equal("0x2", transaction.GetProperty("type").GetString());
        Assert.Equal(Quantity.Format(tip), transaction.GetProperty("maxPriorityFeePerGas").GetString());
        Assert.Equal(Quantity.Format((2 * baseFee) + tip), transaction.GetProperty("maxFeePerGas").GetString());
    }

    [Fact]
    public async Task FeeCap_BetweenTheCurrentFeeAndTheHeadroom_TrimsTheOfferToTheCap()
    {
        var key = await chain.FundedKeyAsync();
        var baseFee = (await chain.Rpc.GetBaseFeePerGasAsync())!.Value;
        var tip = await chain.Rpc.GetMaxPriorityFeePerGasAsync();
        var cap = baseFee + tip + 1;
        using var stack = EvmStack.WithKey(chain, key, options => options.MaxFeePerGasGwei = (decimal)cap / 1_000_000_000m);

        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });
        var transaction = await chain.Rpc.SendAsync("eth_getTransactionByHash", [sent.Hash.ToString()]);

        Assert.Equal(Quantity.Format(cap), transaction.GetProperty("maxFeePerGas").GetString());
        Assert.True((await stack.Waiter.WaitAsync(sent.Hash)).Succeeded);
    }

    [Fact]
    public async Task FeeCap_BelowTheCurrentFee_RefusesToSend()
    {
        var key = await chain.FundedKeyAsync();
        var baseFee = (await chain.Rpc.GetBaseFeePerGasAsync())!.Value;
        using var stack = EvmStack.WithKey(chain, key, options => options.MaxFeePerGasGwei = (decimal)(baseFee / 2) / 1_000_000_000m);

        var refusal = await Assert.ThrowsAsync<EvmFeeTooHighException>(
            () => stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 }));

        Assert.Equal(stack.Options.MaxFeePerGasWei, refusal.CapWei);
        Assert.Equal(0UL, await chain.Rpc.GetPendingTransactionCountAsync(key.Address));
    }

    [Fact]
    public async Task AWrongChainId_IsRefusedBeforeAnythingIsSent()
    {
        var key = await chain.FundedKeyAsync();
        using var stack = EvmStack.WithKey(chain, key, options => options.ChainId = 1);

        var mismatch = await Assert.ThrowsAsync<EvmChainMismatchException>(
            () => stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 }));

        Assert.Equal(1UL, mismatch.Configured);
        Assert.Equal(LocalChain.ChainId, mismatch.Reported);
        Assert.Equal(0UL, await chain.Rpc.GetPendingTransactionCountAsync(key.Address));
    }

    [Fact]
    public async Task AnAccountWithoutEther_GetsTheNodesRefusalAndNoNonceIsBurnt()
    {
        using var stack = EvmStack.WithKey(chain, EthereumKey.Generate());

        var refusal = await Assert.ThrowsAnyAsync<EvmRpcException>(
            () => stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 }));
        await chain.FundAsync(stack.Sender.From);
        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = EthereumKey.Generate().Address, Value = 1 });

        Assert.Contains("fund", refusal.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0UL, sent.Nonce);
    }
}
