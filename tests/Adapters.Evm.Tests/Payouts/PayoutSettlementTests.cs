using System.Numerics;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Sending;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Payouts;

[Collection(LocalChainCollection.Name)]
public sealed class PayoutSettlementTests(LocalChain chain)
{
    [Fact]
    public async Task Settle_WithALocalKey_MintsToTheRecipientAndLogsPayoutSettled()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync(decimals: 6);
        var recipient = EthereumKey.Generate().Address;

        var sent = await settlement.SubmitAsync(new PayoutClaim("payout-site7-2025-03-alice", recipient, 12.345678m));
        var result = await settlement.WaitAsync(sent.Hash);

        Assert.True(result.Succeeded);
        Assert.Equal(sent.Hash, result.Receipt.TransactionHash);
        Assert.Equal(stack.Sender.From, result.Receipt.From);
        Assert.Equal(settlement.Contract, result.Receipt.To);
        Assert.Equal(PayoutSettlement.KeyOf("payout-site7-2025-03-alice"), result.Event!.PayoutKey);
        Assert.Equal(recipient, result.Event.Recipient);
        Assert.Equal(new BigInteger(12_345_678), result.Event.BaseUnits);
        Assert.Equal(12.345678m, await settlement.BalanceOfAsync(recipient));
        Assert.True(await settlement.IsSettledAsync("payout-site7-2025-03-alice"));
        Assert.False(await settlement.IsSettledAsync("payout-site7-2025-03-bob"));
    }

    [Fact]
    public async Task Settle_WithNodeSigning_MintsToTheRecipientAndLogsPayoutSettled()
    {
        using var stack = EvmStack.WithNodeAccount(chain, chain.DevAccounts[1]);
        var settlement = await stack.DeploySettlementAsync();
        var recipient = EthereumKey.Generate().Address;

        var sent = await settlement.SubmitAsync(new PayoutClaim("payout-node-signed", recipient, 5m));
        var result = await settlement.WaitAsync(sent.Hash);

        Assert.True(result.Succeeded);
        Assert.Equal(chain.DevAccounts[1], result.Receipt.From);
        Assert.Equal(recipient, result.Event!.Recipient);
        Assert.Equal(5m, await settlement.BalanceOfAsync(recipient));
    }

    [Fact]
    public async Task Settle_OfAPayoutIdSettledBefore_IsRefusedWithPayoutAlreadySettledAndSendsNothing()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync();
        var recipient = EthereumKey.Generate().Address;
        var first = await settlement.SubmitAsync(new PayoutClaim("payout-once", recipient, 1m));
        Assert.True((await settlement.WaitAsync(first.Hash)).Succeeded);
        var nonceBefore = await stack.Rpc.GetPendingTransactionCountAsync(stack.Sender.From);

        var refusal = await Assert.ThrowsAsync<PayoutAlreadySettledException>(
            () => settlement.SubmitAsync(new PayoutClaim("payout-once", EthereumKey.Generate().Address, 2m)));

        Assert.Equal("payout-once", refusal.PayoutId);
        Assert.Equal("PayoutAlreadySettled(bytes32)", refusal.Error);
        Assert.Equal(nonceBefore, await stack.Rpc.GetPendingTransactionCountAsync(stack.Sender.From));
        Assert.Equal(1m, await settlement.BalanceOfAsync(recipient));
    }

    [Fact]
    public async Task Settle_ConcurrentClaimsOfOnePayout_PayExactlyOnce()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync();
        var recipient = EthereumKey.Generate().Address;

        // Each claim either is refused before sending (the estimate saw the payout settled) or is sent; a sent
        // duplicate that raced past the estimate is mined as a failed transaction. Only one can pay.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                var sent = await settlement.SubmitAsync(new PayoutClaim("payout-contended", recipient, 3m));
                return (await settlement.WaitAsync(sent.Hash)).Succeeded;
            }
            catch (PayoutAlreadySettledException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(paid => paid));
        Assert.Equal(3m, await settlement.BalanceOfAsync(recipient));
    }

    [Fact]
    public async Task Settle_WithAFixedGasLimitOfASettledPayout_IsMinedAsAFailedReceiptWithoutEvent()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync();
        var recipient = EthereumKey.Generate().Address;
        var first = await settlement.SubmitAsync(new PayoutClaim("payout-reverts", recipient, 1m));
        await settlement.WaitAsync(first.Hash);
        var data = PayoutSettlementContract.Settle.EncodeCall(PayoutSettlement.KeyOf("payout-reverts"), recipient, new BigInteger(1_000_000));

        // A fixed gas limit skips the estimate, so the refusal happens on chain.
        var sent = await stack.Sender.SendAsync(new TransactionRequest { To = settlement.Contract, Data = data, GasLimit = 200_000 });
        var result = await settlement.WaitAsync(sent.Hash);

        Assert.False(result.Receipt.Succeeded);
        Assert.False(result.Succeeded);
        Assert.Null(result.Event);
        Assert.Empty(result.Receipt.Logs);
        Assert.Equal(1m, await settlement.BalanceOfAsync(recipient));
    }

    [Fact]
    public async Task Settle_ByAnAccountWithoutTheSettlerRole_IsRefusedWithTheAccessControlError()
    {
        using var owner = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var contract = (await owner.DeploySettlementAsync()).Contract;
        using var outsider = EvmStack.WithKey(chain, await chain.FundedKeyAsync());

        var refusal = await Assert.ThrowsAsync<PayoutRefusedException>(
            () => outsider.Settlement(contract).SubmitAsync(new PayoutClaim("payout-stolen", outsider.Sender.From, 100m)));

        Assert.Equal("AccessControlUnauthorizedAccount(address,bytes32)", refusal.Error);
    }

    [Theory]
    [InlineData(0, "ZeroAmount(bytes32)")]
    [InlineData(1, "ERC20InvalidReceiver(address)")]
    public async Task Settle_OfNothingOrToTheZeroAddress_IsRefused(int amount, string error)
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync();
        var recipient = amount == 0 ? EthereumKey.Generate().Address : EthereumAddress.FromBytes(new byte[20]);

        var refusal = await Assert.ThrowsAsync<PayoutRefusedException>(() => settlement.SubmitAsync(new PayoutClaim("payout-odd", recipient, amount)));

        Assert.Equal(error, refusal.Error);
        Assert.False(await settlement.IsSettledAsync("payout-odd"));
    }

    [Fact]
    public async Task Submit_OfAnAmountFinerThanTheToken_IsRefusedBeforeSending()
    {
        using var stack = EvmStack.WithKey(chain, await chain.FundedKeyAsync());
        var settlement = await stack.DeploySettlementAsync(decimals: 2);

        await Assert.ThrowsAsync<ArgumentException>(() => settlement.SubmitAsync(new PayoutClaim("payout-fine", EthereumKey.Generate().Address, 0.001m)));
    }

    [Fact]
    public async Task Settle_LogsTheSettlementButNeverTheKey()
    {
        var secret = await chain.FundedSecretAsync();
        var key = EthereumKey.FromPrivateKey(secret);
        using var stack = EvmStack.WithKey(chain, key);
        var settlement = await stack.DeploySettlementAsync();
        await Assert.ThrowsAsync<PayoutRefusedException>(() => settlement.SubmitAsync(new PayoutClaim("payout-zero", key.Address, 0m)));

        var sent = await settlement.SubmitAsync(new PayoutClaim("payout-logged", key.Address, 1m));
        await settlement.WaitAsync(sent.Hash);

        var log = string.Join('\n', stack.Log.Lines);
        Assert.Contains(sent.Hash.ToString(), log, StringComparison.Ordinal);
        Assert.Contains("payout-zero", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(secret), log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(secret), stack.Signer.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
