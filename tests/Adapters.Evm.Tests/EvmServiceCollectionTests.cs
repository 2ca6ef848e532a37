using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Daarion.Adapters.Evm.Tests;

/// <summary>The signer is chosen by configuration alone: the same host settles with a local key or through the node.</summary>
[Collection(LocalChainCollection.Name)]
public sealed class EvmServiceCollectionTests(LocalChain chain)
{
    [Fact]
    public async Task ConfiguredWithALocalKey_SettlesAPayout()
    {
        var secret = await chain.FundedSecretAsync();
        var key = EthereumKey.FromPrivateKey(secret);
        using var deployer = EvmStack.WithKey(chain, key);
        var contract = (await deployer.DeploySettlementAsync()).Contract;

        using var host = await StartHostAsync(new()
        {
            ["Evm:Signer"] = "Local",
            ["Evm:PrivateKey"] = Hex.Encode(secret),
            ["Evm:PayoutContract"] = contract.ToString(),
        });

        await SettleAndCheckAsync(host.Services.GetRequiredService<IPayoutSettlement>(), key.Address);
    }

    [Fact]
    public async Task ConfiguredForNodeSigning_SettlesAPayout()
    {
        var account = chain.DevAccounts[3];
        using var deployer = EvmStack.WithNodeAccount(chain, account);
        var contract = (await deployer.DeploySettlementAsync()).Contract;

        using var host = await StartHostAsync(new()
        {
            ["Evm:Signer"] = "Node",
            ["Evm:NodeAccount"] = account.ToString(),
            ["Evm:PayoutContract"] = contract.ToString(),
        });

        await SettleAndCheckAsync(host.Services.GetRequiredService<IPayoutSettlement>(), account);
    }

    [Fact]
    public async Task ABadConfiguration_StopsTheHostAtStartNamingEachOption()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(new()
        {
            ["Evm:RpcUrl"] = "not a url",
            ["Evm:Signer"] = "Local",
            ["Evm:PrivateKey"] = "0x1234",
            ["Evm:Confirmations"] = "0",
        }));

        Assert.Contains("Evm:RpcUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Evm:PrivateKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Evm:PayoutContract", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Evm:Confirmations", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0x1234", failure.Message, StringComparison.Ordinal);
    }

    private static async Task SettleAndCheckAsync(IPayoutSettlement settlement, EthereumAddress settler)
    {
        var recipient = EthereumKey.Generate().Address;

        var sent = await settlement.SubmitAsync(new PayoutClaim("payout-configured", recipient, 7.25m));
        var result = await settlement.WaitAsync(sent.Hash);

        Assert.Equal(settler, settlement.Settler);
        Assert.True(result.Succeeded);
        Assert.Equal(7.25m, await settlement.BalanceOfAsync(recipient));
    }

    private async Task<IHost> StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Evm:RpcUrl"] = chain.RpcUrl.ToString(),
            ["Evm:ChainId"] = $"{LocalChain.ChainId}",
            ["Evm:ReceiptPollInterval"] = "00:00:00.020",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEvmPayoutSettlement();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
