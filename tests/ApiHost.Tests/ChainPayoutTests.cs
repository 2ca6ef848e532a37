using Daarion.Crypto.Ethereum;
using Daarion.Testing;
using Daarion.Testing.Evm;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// Payouts settled on a real local chain (anvil) through the PayoutSettlement contract: the ledger books each claim
/// to the chain bridge wallet, the contract mints it to the claimant; a settlement the chain refuses reverses the
/// booking and fails the payout with payout.failed.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class ChainPayoutTests(LocalChain chain)
{
    [Fact]
    public async Task Claim_OnChain_MintsToTheAddress_AndARefusedSettlementReversesItsCredit()
    {
        var secret = await chain.FundedSecretAsync();
        using var key = EthereumKey.FromPrivateKey(secret);
        using var stack = EvmStack.WithKey(chain, key);
        // Two decimals on chain: a payout of 0.0025 KWT cannot be minted, so the contract's client refuses it.
        var settlement = await stack.DeploySettlementAsync(decimals: 2);
        var database = await SharedServers.CreateDatabaseAsync(migrate: false);
        var settings = ChainPayouts.Settings(chain, secret, settlement);
        settings["DATABASE_URL"] = database;
        await using var api = await ApiFactory.WithSharedServersAsync(settings);
        foreach (var user in new[] { "gina", "hugo" }) await ChainPayouts.StakeAsync(api, user, "dao-chain", "200");
        await EnergyAsync(database, "CHAIN-OK", 5.5m);
        await EnergyAsync(database, "CHAIN-DUST", 0.005m);
        Expect(await For(api).PostAsync("/v1/payouts/run", null), 200);
        var gina = For(api, subject: "gina");
        var payouts = (await Json(await gina.GetAsync("/v1/wallet/payouts"))).GetProperty("items").EnumerateArray().ToList();
        var paid = payouts.Single(p => p.GetProperty("site_id").GetString() == "CHAIN-OK").GetProperty("payout_id").GetString();
        var dust = payouts.Single(p => p.GetProperty("site_id").GetString() == "CHAIN-DUST").GetProperty("payout_id").GetString();
        var address = EthereumKey.Generate().Address;

        var claimed = await gina.PostAsync("/v1/wallet/claim", new { payout_id = paid, address = address.ToString() });
        var refused = await gina.PostAsync("/v1/wallet/claim", new { payout_id = dust, address = address.ToString() });
        var again = await gina.PostAsync("/v1/wallet/claim", new { payout_id = paid, address = address.ToString() });
        var withoutAddress = await For(api, subject: "hugo").PostAsync("/v1/wallet/claim", new { payout_id = Guid.NewGuid() });

        Expect(claimed, 200);
        var settled = await Json(claimed);
        Assert.Equal("settled", settled.GetProperty("status").GetString());
        Assert.StartsWith("0x", settled.GetProperty("chain_tx_hash").GetString());
        Assert.Equal(2.75m, await settlement.BalanceOfAsync(address));
        Assert.Contains("failed to settle", (await Problem(refused, 409, "payout-not-claimable")).GetProperty("detail").GetString());
        await Problem(again, 409, "payout-not-claimable");
        await Problem(withoutAddress, 404, "not-found");
        Assert.Equal("failed", (await Json(await gina.GetAsync("/v1/wallet/payouts"))).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("payout_id").GetString() == dust).GetProperty("status").GetString());
        // The bridge wallet holds what was minted on chain: the dust payout's credit was taken back.
        Assert.Equal(2.75m, await ScalarAsync<decimal>(database, "SELECT balance FROM wallets WHERE owner_id = 'chain-bridge' AND asset = 'KWT'"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM outbox_event_log WHERE subject = 'payout.failed'"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM outbox_event_log WHERE subject = 'payout.claimed'"));
        await EventContract.AssertOutboxValidAsync(database);
    }

    private static async Task EnergyAsync(string database, string site, decimal kwh)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "WITH site AS (INSERT INTO sites (site_id, dao_id, domain) VALUES ($1, 'dao-chain', 'energy') RETURNING site_id) " +
            "INSERT INTO site_energy (site_id, minute, kwh, readings) SELECT site_id, date_trunc('minute', now() - interval '3 minutes'), $2, 1 FROM site", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = kwh });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
