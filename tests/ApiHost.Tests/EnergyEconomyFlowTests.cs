using System.Globalization;
using Daarion.ApiHost.Tests.Energy;
using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Webhooks;
using Daarion.Testing;
using Daarion.Testing.Evm;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// Seed 28's flows end to end on the real host, a real PostgreSQL and a real chain: a meter's readings reach Energy
/// Union, which signs them to the Embassy's oracle webhook; the site meter accepts them (RWA inventory, oracle events);
/// the period closes and its KWT is split among the DAO's RINGK stakers; a staker claims and the chain mints it.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class EnergyEconomyFlowTests(LocalChain chain)
{
    [Fact]
    public async Task MeterToEmbassyToOracleToRwaToPayoutToClaimToChain()
    {
        var secret = await chain.FundedSecretAsync();
        using var key = EthereumKey.FromPrivateKey(secret);
        using var stack = EvmStack.WithKey(chain, key);
        var settlement = await stack.DeploySettlementAsync(decimals: 6);
        await using var host = await EnergyHost.StartAsync(ChainPayouts.Settings(chain, secret, settlement));
        var site = await host.SiteAsync("cumulative", siteId: "EU-KYIV-01", dao: "dao-kyiv");
        foreach (var (user, ringk) in new[] { ("olena", "300"), ("taras", "100") }) await ChainPayouts.StakeAsync(host.Api, user, "dao-kyiv", ringk);

        // Energy Union relays the meter's cumulative readings to the oracle webhook, signed with its Embassy secret.
        var energyUnion = new StandardWebhook(await host.PlatformAsync("energyunion"));
        var now = DateTimeOffset.UtcNow;
        foreach (var (kwh, seq, at) in new[] { ("1000.5", 1, now.AddSeconds(-20)), ("1010.75", 2, now.AddSeconds(-10)) })
        {
            var body = $$"""{"site":"{{site}}","kWh":{{kwh}},"ts":"{{at.ToString("O", CultureInfo.InvariantCulture)}}","seq":{{seq}}}""";
            Expect(await host.WebhookAsync("/v1/embassy/oracle", energyUnion, body, platform: "energyunion"), 200);
        }
        Assert.Equal(10.25m, await host.EnergyAsync(site));
        Expect(await host.Client.GetAsync($"/v1/rwa/inventory?site_id={site}"), 200);

        // The payout clock's durable reminder pays the period once it has closed (a one-minute period here).
        var olena = For(host.Api, subject: "olena");
        await Eventually.True(async () => (await Json(await olena.GetAsync("/v1/wallet/payouts"))).GetProperty("items").GetArrayLength() > 0, 150_000, "the period's payout");
        var payout = (await Json(await olena.GetAsync("/v1/wallet/payouts"))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(1L, await host.ScalarAsync<long>("SELECT count(*) FROM payouts WHERE user_id = 'taras' AND amount = 2.5625"));
        Assert.Equal("7.687500", payout.GetProperty("amount").GetString());
        var address = EthereumKey.Generate().Address;

        var claimed = await olena.PostAsync("/v1/wallet/claim", new { payout_id = payout.GetProperty("payout_id").GetString(), address = address.ToString() });

        Expect(claimed, 200);
        Assert.Equal("settled", (await Json(claimed)).GetProperty("status").GetString());
        Assert.Equal(7.6875m, await settlement.BalanceOfAsync(address));
        var events = await EventContract.AssertOutboxValidAsync(host.Database);
        foreach (var type in new[] { "embassy.event.received", "oracle.reading.published", "rwa.inventory.updated", "staking.locked", "payout.generated", "payout.claimed", "wallet.tx.confirmed" })
        {
            Assert.Contains(events, e => e.Subject == type);
        }
    }
}
