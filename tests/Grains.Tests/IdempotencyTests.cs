using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task SameKeyAndBody_ReturnsTheOriginalAnswer_AndMovesMoneyOnce()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();

        var first = await ledger.TransferAsync(payer, payee, 10, key: "pay-1");
        var again = await ledger.TransferAsync(payer, payee, 10, key: "pay-1");

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(Json(first.Value), Json(again.Value));
        Assert.Equal(90m, await ledger.BalanceAsync(payer));
    }

    [Fact]
    public async Task SameKey_WithADifferentBody_IsAConflict_AndWritesNothing()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        await ledger.TransferAsync(payer, payee, 10, key: "pay-2");

        var conflict = await ledger.TransferAsync(payer, payee, 11, key: "pay-2");

        Assert.Equal(LedgerErrorCode.IdempotencyConflict, conflict.Error?.Code);
        Assert.Equal(90m, await ledger.BalanceAsync(payer));
    }

    [Fact]
    public async Task SameKey_FromAnotherCaller_IsADifferentRequest()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var command = new TransferCommand([new Posting(payer, payee, 10)], null);

        Assert.Null((await ledger.Ledger.TransferAsync(ledger.Request("shared", scope: "alice"), command)).Error);
        var bob = await ledger.Ledger.TransferAsync(ledger.Request("shared", scope: "bob"), command);

        Assert.False(bob.Replayed);
        Assert.Equal(80m, await ledger.BalanceAsync(payer));
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKey_HaveExactlyOneEffect_AndTheSameAnswer()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ledger.TransferAsync(payer, payee, 7, key: "burst")));

        Assert.All(answers, a => Assert.Null(a.Error));
        Assert.Single(answers.Select(a => a.Value!.TransactionId).Distinct());
        Assert.Equal(1, answers.Count(a => !a.Replayed));
        Assert.Equal(93m, await ledger.BalanceAsync(payer));
        Assert.Equal(1L, await ledger.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE idempotency_key = 'burst'"));
    }

    [Fact]
    public async Task RefusalIsSaved_SoARetryAfterATopUpGetsTheSameRefusal()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 5);
        var payee = await ledger.WalletAsync();

        var refused = await ledger.TransferAsync(payer, payee, 10, key: "too-much");
        await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(payer, 100, "top-up"));
        var retried = await ledger.TransferAsync(payer, payee, 10, key: "too-much");

        Assert.Equal(LedgerErrorCode.InsufficientFunds, refused.Error?.Code);
        Assert.Equal(LedgerErrorCode.InsufficientFunds, retried.Error?.Code);
        Assert.True(retried.Replayed);
        Assert.Equal(105m, await ledger.BalanceAsync(payer));
    }

    [Fact]
    public async Task AnswersSurviveARestart_AndComeFromTheDatabase()
    {
        var database = await Testing.SharedServers.CreateDatabaseAsync();
        TransactionView original;
        Guid payer, payee;
        await using (var before = await TestLedger.StartAsync(database))
        {
            payer = await before.WalletAsync(balance: 20);
            payee = await before.WalletAsync();
            original = (await before.TransferAsync(payer, payee, 20, key: "durable")).Value!;
            Assert.Equal(LedgerErrorCode.InsufficientFunds, (await before.TransferAsync(payer, payee, 1, key: "refused")).Error?.Code);
        }

        await using var after = await TestLedger.StartAsync(database);
        // The payer's balance is spent, so only the saved answer can say 201 again.
        var replay = await after.TransferAsync(payer, payee, 20, key: "durable");
        var refusal = await after.TransferAsync(payer, payee, 1, key: "refused");
        var conflict = await after.TransferAsync(payer, payee, 19, key: "durable");

        Assert.True(replay.Replayed);
        Assert.Equal(Json(original), Json(replay.Value));
        Assert.Equal(LedgerErrorCode.InsufficientFunds, refusal.Error?.Code);
        Assert.True(refusal.Replayed);
        Assert.Equal(LedgerErrorCode.IdempotencyConflict, conflict.Error?.Code);
        Assert.Equal(0m, await after.BalanceAsync(payer));
    }

    [Fact]
    public async Task WalletCreation_IsIdempotent_AndAnOwnerHasOneWalletPerAsset()
    {
        await using var ledger = await TestLedger.StartAsync();
        var id = Guid.NewGuid();
        var wallet = new NewWallet(id, "RINGK", "u-1", 0);

        var created = await ledger.Ledger.CreateWalletAsync(ledger.Request("w"), wallet);
        var replay = await ledger.Ledger.CreateWalletAsync(ledger.Request("w"), wallet);
        var again = await ledger.Ledger.CreateWalletAsync(ledger.Request(), wallet);
        var second = await ledger.Ledger.CreateWalletAsync(ledger.Request(), new NewWallet(Guid.NewGuid(), "RINGK", "u-1", 0));

        Assert.Equal("0.00000000", created.Value!.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Json(created.Value), Json(replay.Value));
        Assert.True(replay.Replayed);
        Assert.Equal(LedgerErrorCode.WalletExists, again.Error?.Code);
        Assert.Equal(LedgerErrorCode.OwnerHasWallet, second.Error?.Code);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
