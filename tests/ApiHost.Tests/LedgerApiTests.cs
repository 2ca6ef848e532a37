using System.Diagnostics;
using Daarion.Hosting;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class LedgerApiTests
{
    [Fact]
    public async Task Transfer_Returns201WithEntriesAndBalances_AsDecimalStringsAtTheAssetsScale()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("USD", "100");
        var payee = await client.WalletAsync("USD");

        var response = await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "12.5", metadata = new { invoice = "A-1" } });

        Expect(response, 201);
        var tx = await Json(response);
        Assert.Equal($"/v1/transactions/{tx.GetProperty("transaction_id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("-12.50", tx.GetProperty("entries")[0].GetProperty("amount").GetString());
        Assert.Equal("87.50", tx.GetProperty("balances")[0].GetProperty("balance").GetString());
        Assert.Equal("A-1", tx.GetProperty("metadata").GetProperty("invoice").GetString());
        var balance = await Json(await client.GetAsync($"/v1/wallets/{payee}/balance"));
        Assert.Equal(("12.50", "12.50", "0.00"), (balance.GetProperty("balance").GetString(), balance.GetProperty("available").GetString(), balance.GetProperty("held").GetString()));

        var stored = await client.GetAsync($"/v1/transactions/{tx.GetProperty("transaction_id").GetString()}");
        Assert.Equal(tx.ToString(), (await Json(stored)).ToString());
    }

    [Fact]
    public async Task Replay_ReturnsTheOriginalStatusAndBody_WithIdempotentReplayed()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "10");
        var payee = await client.WalletAsync("KWT");
        var body = new { from_wallet_id = payer, to_wallet_id = payee, amount = "4" };

        var first = await client.PostAsync("/v1/transfers", body, key: "order-42");
        var again = await client.PostAsync("/v1/transfers", body, key: "order-42");
        var other = await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "5" }, key: "order-42");

        Expect(again, 201);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await Problem(other, 409, "idempotency-key-reused");
        Assert.Equal("6.000000", (await Json(await client.GetAsync($"/v1/wallets/{payer}/balance"))).GetProperty("balance").GetString());
    }

    [Fact]
    public async Task InsufficientFunds_Returns422WithTheAvailableAmount_AndWritesNothing()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "3");
        var payee = await client.WalletAsync("KWT");

        var problem = await Problem(await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "3.5" }), 422, "insufficient-funds");

        Assert.Equal("3.000000", problem.GetProperty("available").GetString());
        Assert.Equal(0, (await Json(await client.GetAsync($"/v1/wallets/{payee}/transactions"))).GetProperty("items").GetArrayLength());
    }

    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "malformed JSON", "{\"from_wallet_id\": ", 400, "malformed-json" },
        { "amount as a JSON number", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":1.5}", 400, "malformed-json" },
        { "unknown field", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"ammount\":\"1\"}", 400, "malformed-json" },
        { "exponent", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"1e3\"}", 422, "invalid-request" },
        { "negative", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"-1\"}", 422, "invalid-request" },
        { "zero", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"0\"}", 422, "invalid-request" },
        { "not a UUID", "{\"from_wallet_id\":\"wallet-1\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"1\"}", 422, "invalid-request" },
        { "both forms", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"1\",\"postings\":[]}", 422, "invalid-request" },
        { "metadata not an object", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"1\",\"metadata\":[1]}", 422, "invalid-request" },
        { "unknown wallets", "{\"from_wallet_id\":\"11111111-1111-1111-1111-111111111111\",\"to_wallet_id\":\"22222222-2222-2222-2222-222222222222\",\"amount\":\"1\"}", 422, "unknown-wallet" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_Returns4xxProblem_AndWritesNothing(string why, string json, int status, string type)
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);

        var problem = await Problem(await client.PostRawAsync("/v1/transfers", json), status, type);

        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), why);
    }

    [Fact]
    public async Task Write_WithoutAnIdempotencyKey_Returns400()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);

        var response = await client.Http.PostAsync("/v1/wallets", new StringContent("{\"wallet_id\":\"" + Guid.NewGuid() + "\",\"asset\":\"KWT\",\"owner_id\":\"u\"}", System.Text.Encoding.UTF8, "application/json"));

        await Problem(response, 400, "idempotency-key-required");
    }

    [Fact]
    public async Task HugeBody_Returns413()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);

        var response = await client.PostRawAsync("/v1/transfers", "{\"metadata\":{\"x\":\"" + new string('a', 100_000) + "\"}}");

        await Problem(response, 413, "payload-too-large");
    }

    [Fact]
    public async Task OverScaleAmount_Returns422InvalidAmount()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("USD", "10");
        var payee = await client.WalletAsync("USD");

        await Problem(await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "1.001" }), 422, "invalid-amount");
    }

    [Fact]
    public async Task HoldLifecycle_OverHttp()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "100");
        var payee = await client.WalletAsync("KWT");

        var hold = await Json(await client.PostAsync("/v1/holds", new { from_wallet_id = payer, to_wallet_id = payee, amount = "40", expires_at = DateTimeOffset.UtcNow.AddHours(1).ToString("O") }));
        var holdId = hold.GetProperty("hold_id").GetString();
        Assert.Equal("60.000000", (await Json(await client.GetAsync($"/v1/wallets/{payer}/balance"))).GetProperty("available").GetString());

        var posted = await client.PostAsync($"/v1/holds/{holdId}/post", new { amount = "15" });
        Expect(posted, 200);
        Assert.Equal("posted", (await Json(posted)).GetProperty("hold").GetProperty("status").GetString());
        await Problem(await client.PostAsync($"/v1/holds/{holdId}/void", null), 409, "hold-not-pending");
        Assert.Equal("85.000000", (await Json(await client.GetAsync($"/v1/wallets/{payer}/balance"))).GetProperty("available").GetString());
        await Problem(await client.PostAsync($"/v1/holds/{Guid.NewGuid()}/post", null), 404, "not-found");
    }

    [Fact]
    public async Task WalletStatement_PagesNewestFirst_WithACursor()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "100");
        var payee = await client.WalletAsync("KWT");
        for (var i = 1; i <= 5; i++) Expect(await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = $"{i}" }), 201);

        var first = await Json(await client.GetAsync($"/v1/wallets/{payee}/transactions?limit=3"));
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await Json(await client.GetAsync($"/v1/wallets/{payee}/transactions?limit=3&cursor={cursor}"));

        Assert.Equal(["5.000000", "4.000000", "3.000000"], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetString()));
        Assert.Equal(["2.000000", "1.000000"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("amount").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        await Problem(await client.GetAsync($"/v1/wallets/{payee}/transactions?cursor=abc"), 422, "invalid-request");
    }

    [Fact]
    public async Task Audit_ComparesTheProjectionWithTheJournal()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var client = For(api);
        var wallet = await client.WalletAsync("RINGK", "1000");

        var audit = await Json(await client.GetAsync($"/v1/wallets/{wallet}/balance/audit"));

        Assert.True(audit.GetProperty("matches").GetBoolean());
        Assert.Equal("1000.00000000", audit.GetProperty("journal_balance").GetString());
        await Problem(await client.GetAsync($"/v1/wallets/{Guid.NewGuid()}/balance/audit"), 404, "not-found");
    }

    [Fact]
    public async Task WhenPostgresIsDown_WritesFailClosedWith503Quickly_AndTheLedgerRecovers()
    {
        using var directory = new TempDirectory();
        await using var postgres = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = directory.Sub("pg") });
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = postgres.ConnectionString,
            ["NATS_URL"] = await SharedServers.NatsUrlAsync(),
        });
        var client = For(api);
        var payer = await client.WalletAsync("KWT", "100");
        var payee = await client.WalletAsync("KWT");

        await postgres.StopAsync();
        var stopwatch = Stopwatch.StartNew();
        var down = await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "1" }, key: "during-outage");
        stopwatch.Stop();

        await Problem(down, 503, "database-unavailable");
        Assert.True(down.Headers.RetryAfter is not null);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");

        await postgres.RestartAsync();
        await Eventually.True(async () => (await client.PostAsync("/v1/transfers", new { from_wallet_id = payer, to_wallet_id = payee, amount = "1" }, key: "during-outage")).StatusCode == System.Net.HttpStatusCode.Created);
        var balance = await Json(await client.GetAsync($"/v1/wallets/{payer}/balance"));
        Assert.Equal("99.000000", balance.GetProperty("balance").GetString());
        Assert.True((await Json(await client.GetAsync($"/v1/wallets/{payer}/balance/audit"))).GetProperty("matches").GetBoolean());
    }
}
