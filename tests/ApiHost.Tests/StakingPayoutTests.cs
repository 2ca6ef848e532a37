using System.Text.Json;
using Daarion.Testing;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// Stake RINGK → a site delivers energy → the period's KWT is split among the DAO's stakers → claims credit it once
/// (seed 28 §5, §8). The site and its accepted energy are written straight into sites/site_energy, the contract
/// between meter ingestion and payouts.
/// </summary>
public sealed class StakingPayoutTests
{
    private static async Task<(ApiFactory Api, string Database)> StartAsync(string unbonding = "7.00:00:00")
    {
        var database = await SharedServers.CreateDatabaseAsync(migrate: false);
        var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database,
            ["Payouts:Period"] = "00:01:00",
            ["Payouts:SettleDelay"] = "00:00:00",
            ["Staking:UnbondingPeriod"] = unbonding,
        });
        _ = api.Server; // start the host: migrations run at start
        return (api, database);
    }

    private static async Task<string> StakerAsync(ApiFactory api, string user, string ringk)
    {
        var admin = For(api);
        var wallet = Guid.NewGuid().ToString();
        Expect(await admin.PostAsync("/v1/wallets", new { wallet_id = wallet, asset = "RINGK", owner_id = user }), 201);
        Expect(await admin.PostAsync("/v1/adjustments", new { wallet_id = wallet, amount = ringk, reason = "grant" }), 201);
        return wallet;
    }

    private static async Task SiteWithEnergyAsync(string database, string site, string dao, decimal kwh, DateTimeOffset minute)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "WITH site AS (INSERT INTO sites (site_id, dao_id, domain) VALUES ($1, $2, 'energy') RETURNING site_id) " +
            "INSERT INTO site_energy (site_id, minute, kwh, readings) SELECT site_id, date_trunc('minute', $3::timestamptz), $4, 1 FROM site", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = dao });
        command.Parameters.Add(new NpgsqlParameter { Value = minute.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = kwh });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountEventsAsync(string database, string type)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_event_log WHERE subject = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = type });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Payout_SplitsThePeriodsKwtProRataAmongStakers_AndRunningAgainGeneratesNothing()
    {
        var (api, database) = await StartAsync();
        await using var _ = api;
        await StakerAsync(api, "alice", "1000");
        await StakerAsync(api, "bob", "1000");
        var alice = For(api, subject: "alice");
        var bob = For(api, subject: "bob");
        Expect(await alice.PostAsync("/v1/wallet/stake", new { dao_id = "dao-kyiv", amount = "300" }), 200);
        var staked = await Json(await bob.PostAsync("/v1/wallet/stake", new { dao_id = "dao-kyiv", amount = "100" }));
        Assert.Equal("100.00000000", staked.GetProperty("staked").GetString());
        await SiteWithEnergyAsync(database, "EU-KYIV-01", "dao-kyiv", 10.5m, DateTimeOffset.UtcNow.AddMinutes(-5));

        // (The payout clock's reminder may pay the period too, between or before these runs: the count stays 2 whoever does.)
        Expect(await For(api).PostAsync("/v1/payouts/run", null), 200);
        Expect(await For(api).PostAsync("/v1/payouts/run", null), 200);

        var alicePayout = (await Json(await alice.GetAsync("/v1/wallet/payouts"))).GetProperty("items").EnumerateArray().Single();
        var bobPayout = (await Json(await bob.GetAsync("/v1/wallet/payouts"))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("7.875000", "generated", "EU-KYIV-01"), (alicePayout.GetProperty("amount").GetString(), alicePayout.GetProperty("status").GetString(), alicePayout.GetProperty("site_id").GetString()));
        Assert.Equal("2.625000", bobPayout.GetProperty("amount").GetString());
        Assert.Equal(2, await CountEventsAsync(database, "payout.generated"));
        Assert.Equal(2, await CountEventsAsync(database, "staking.locked"));
        await EventContract.AssertOutboxValidAsync(database);
    }

    [Fact]
    public async Task ConcurrentClaims_PayOnce_AndAReplayReturnsTheFirstAnswer()
    {
        var (api, database) = await StartAsync();
        await using var _ = api;
        await StakerAsync(api, "carol", "50");
        var carol = For(api, subject: "carol");
        Expect(await carol.PostAsync("/v1/wallet/stake", new { dao_id = "dao-lviv", amount = "50" }), 200);
        await SiteWithEnergyAsync(database, "EU-LVIV-01", "dao-lviv", 3.25m, DateTimeOffset.UtcNow.AddMinutes(-3));
        Expect(await For(api).PostAsync("/v1/payouts/run", null), 200);
        var payout = (await Json(await carol.GetAsync("/v1/wallet/payouts"))).GetProperty("items")[0].GetProperty("payout_id").GetString();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => carol.PostAsync("/v1/wallet/claim", new { payout_id = payout }, key: $"claim-{i}")));

        var won = Assert.Single(claims, r => (int)r.StatusCode == 200);
        Assert.All(claims.Where(r => r != won), r => Assert.Equal(409, (int)r.StatusCode));
        var winner = await Json(won);
        Assert.Equal("settled", winner.GetProperty("status").GetString());
        var kwt = (await Json(await carol.GetAsync($"/v1/wallets/{await KwtWalletAsync(database, "carol")}/balance"))).GetProperty("balance").GetString();
        Assert.Equal("3.250000", kwt);
        var key = $"claim-{Array.IndexOf(claims, won)}";
        var replay = await carol.PostAsync("/v1/wallet/claim", new { payout_id = payout }, key: key);
        Expect(replay, 200);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountEventsAsync(database, "payout.claimed"));
        await Problem(await For(api, subject: "mallory").PostAsync("/v1/wallet/claim", new { payout_id = payout }), 404, "not-found");
    }

    [Fact]
    public async Task Unstake_StopsEarning_AndReturnsTheRingkAfterTheCooldown()
    {
        var (api, database) = await StartAsync(unbonding: "00:00:00");
        await using var _ = api;
        var wallet = await StakerAsync(api, "dave", "500");
        var dave = For(api, subject: "dave");
        Expect(await dave.PostAsync("/v1/wallet/stake", new { dao_id = "dao-odesa", amount = "400" }), 200);

        var unstaked = await Json(await dave.PostAsync("/v1/wallet/unstake", new { dao_id = "dao-odesa", amount = "150" }));
        await Problem(await dave.PostAsync("/v1/wallet/unstake", new { dao_id = "dao-odesa", amount = "251" }), 422, "insufficient-funds");

        Assert.Equal("250.00000000", unstaked.GetProperty("staked").GetString());
        var positions = await Json(await dave.GetAsync("/v1/wallet/stakes"));
        Assert.Equal(0, positions[0].GetProperty("unbonding").GetArrayLength());
        Assert.Equal("250.00000000", (await Json(await dave.GetAsync($"/v1/wallets/{wallet}/balance"))).GetProperty("balance").GetString());
        Assert.Equal(1, await CountEventsAsync(database, "staking.unlocked"));
        await EventContract.AssertOutboxValidAsync(database);
    }

    [Fact]
    public async Task Stake_WithoutARingkWallet_OrBadInput_Returns4xxProblem()
    {
        var (api, _) = await StartAsync();
        await using var __ = api;
        var erin = For(api, subject: "erin");

        await Problem(await erin.PostAsync("/v1/wallet/stake", new { dao_id = "dao-x", amount = "1" }), 422, "unknown-wallet");
        await Problem(await erin.PostAsync("/v1/wallet/stake", new { dao_id = "dao-x", amount = "0" }), 422, "invalid-request");
        await Problem(await erin.PostRawAsync("/v1/wallet/stake", "{\"dao_id\":\"dao-x\",\"amount\":1}"), 400, "malformed-json");
        await Problem(await erin.PostAsync("/v1/wallet/claim", new { payout_id = "nope" }), 422, "invalid-request");
        await Problem(await For(api, scope: "wallet:read wallet:write").PostAsync("/v1/payouts/rates", new { domain = "energy", rate = "2" }), 403, "forbidden");
    }

    private static async Task<Guid> KwtWalletAsync(string database, string owner)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT wallet_id FROM wallets WHERE owner_id = $1 AND asset = 'KWT'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
